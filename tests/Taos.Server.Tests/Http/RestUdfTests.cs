namespace Taos.Server.Tests.Http;

/// <summary>
/// User-defined functions over real REST on loopback: the library path is read on the server's host (as taosAdapter's
/// client reads it on its host), errors keep taosAdapter's low 16 bits, and a query calling a UDF answers 10499.
/// </summary>
public class RestUdfTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Create_show_call_and_drop_a_function()
    {
        string library = Path.Combine(Path.GetTempPath(), "taos-rest-udf-" + Guid.NewGuid().ToString("N") + ".so");
        await File.WriteAllBytesAsync(library, [1, 2, 3, 4]);
        try
        {
            Assert.Equal(0, (await fixture.SqlAsync($"create aggregate function rest_l2 as '{library}' outputtype double bufsize 32")).Code);
            var show = await fixture.SqlAsync("show functions");
            Assert.Contains("[\"rest_l2\"]", show.Text, StringComparison.Ordinal);
            Assert.StartsWith("{\"code\":0,\"column_meta\":[[\"name\",\"VARCHAR\",64]]", show.Text, StringComparison.Ordinal);

            var missing = await fixture.SqlAsync("create function rest_f as '/nonexistent/dir/lib.so' outputtype int");
            Assert.Equal((2, "No such file or directory"), (missing.Code, missing.Desc));

            await fixture.SqlAsync("create database if not exists rest_udf");
            await fixture.SqlAsync("create table if not exists rest_udf.t (ts timestamp, v double)");
            var call = await fixture.SqlAsync("select rest_l2(v) from rest_udf.t");
            Assert.Equal((10499, "udf pipe connect error"), (call.Code, call.Desc));

            Assert.Equal(0, (await fixture.SqlAsync("drop function rest_l2")).Code);
            var gone = await fixture.SqlAsync("drop function rest_l2");
            Assert.Equal((884, "Func not exists"), (gone.Code, gone.Desc));
        }
        finally
        {
            File.Delete(library);
        }
    }
}
