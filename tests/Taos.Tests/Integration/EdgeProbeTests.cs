using System.Globalization;

namespace Taos.Tests.Integration;

[Collection(ServerCollection.Name)]
public class EdgeProbeTests(ServerFixture server)
{
    [Fact]
    public void Huge_timeout_means_a_long_wait_not_an_ArgumentOutOfRangeException()
    {
        using var c = new TaosConnection(server.ConnectionString(extra: "Timeout=2147483647"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        cmd.CommandTimeout = int.MaxValue;
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Disposed_data_source_throws_ObjectDisposedException_not_a_transient_error()
    {
        var ds = TaosDataSource.Create(server.ConnectionString());
        ds.Dispose();
        using var cmd = ds.CreateCommand("select 1");
        var e = Record.Exception(() => cmd.ExecuteScalar());
        Assert.False(e is TaosException { IsTransient: true }, e?.ToString());
        Assert.IsType<ObjectDisposedException>(e);
    }
}
