using System.Text;

namespace Taos.Tests.Integration;

/// <summary>
/// Over REST the timeout bounds each wait for more of the answer (Transport/Rest/ReadTimeoutStream), not the time the
/// caller spends on the rows already received.
/// </summary>
public class ReadTimeoutTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const int Rows = 2_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_that_pauses_longer_than_the_timeout_between_rows_reads_the_whole_answer(bool async)
    {
        server.Run("create database if not exists rto", "create table if not exists rto.t (ts timestamp, s varchar(200))");
        using (var insert = server.DataSource.CreateCommand())
        {
            // About 250 kB of answer: far more than the reader takes from the body in one read.
            var sql = new StringBuilder("insert into rto.t values ");
            for (int i = 0; i < Rows; i++)
            {
                sql.Append("(").Append(1704067200000L + i).Append(",'").Append('x', 100).Append("')");
            }
            insert.CommandText = sql.ToString();
            insert.ExecuteNonQuery();
        }
        using var c = new TaosConnection(server.ConnectionString("rto", "Timeout=2"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from t";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(async ? await r.ReadAsync() : r.Read());
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        int count = 1;
        while (async ? await r.ReadAsync() : r.Read())
        {
            Assert.Equal(100, r.GetString(1).Length);
            count++;
        }
        Assert.Equal(Rows, count);
    }
}
