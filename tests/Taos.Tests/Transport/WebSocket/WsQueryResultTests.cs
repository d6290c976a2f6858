using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Tests.Integration;
using Taos.Transport;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// A WebSocket result read by the reader straight out of its raw blocks (several blocks, the next one prefetched while
/// the reader is on one, buffers recycled) reads exactly what the same query reads over REST; read row by row
/// (<see cref="ITaosResult.ReadRowAsync"/>) it gives the same rows.
/// </summary>
[Collection(WsServerCollection.Name)]
public class WsQueryResultTests(WsServerFixture server)
{
    private const int Rows = 9_000;

    [Theory]
    [InlineData("ms", false)]
    [InlineData("us", true)]
    [InlineData("ns", false)]
    public async Task Every_value_of_a_multi_block_result_reads_over_WebSocket_as_over_REST(string precision, bool async)
    {
        string db = "wsqr_" + precision;
        Fill(db, precision);
        using var ws = new TaosConnection(server.ConnectionString(db, "Timezone=Europe/Berlin"));
        using var rest = new TaosConnection($"Url=http://{server.Url.Authority};Username=root;Password=taosdata;Database={db};Timezone=Europe/Berlin");
        if (async) await ws.OpenAsync(); else ws.Open();
        rest.Open();
        using var wsCmd = ws.CreateCommand();
        using var restCmd = rest.CreateCommand();
        wsCmd.CommandText = restCmd.CommandText = "select * from t order by ts";
        using var w = async ? await wsCmd.ExecuteReaderAsync() : wsCmd.ExecuteReader();
        using var r = restCmd.ExecuteReader();

        int read = 0;
        while (async ? await w.ReadAsync() : w.Read())
        {
            Assert.True(r.Read());
            for (int c = 0; c < w.FieldCount; c++)
            {
                Assert.Equal(Text(r.GetValue(c)), Text(w.GetValue(c)));
                Assert.Equal(r.IsDBNull(c), w.IsDBNull(c));
            }
            Assert.Equal(r.GetTaosTimestamp(0), w.GetTaosTimestamp(0));
            Assert.Equal(r.GetDateTimeOffset(0), w.GetDateTimeOffset(0));
            if (!w.IsDBNull(1))
            {
                Assert.Equal(r.GetInt32(1), w.GetInt32(1));
                Assert.Equal(r.GetUInt64(2), w.GetUInt64(2));
                Assert.Equal(r.GetDouble(3), w.GetDouble(3));
                Assert.Equal(r.GetFloat(4), w.GetFloat(4));
                Assert.Equal(r.GetString(5), w.GetString(5));
                Assert.Equal(r.GetString(6), w.GetString(6));
                Assert.Equal(r.GetBoolean(8), w.GetBoolean(8));
            }
            read++;
        }
        Assert.False(r.Read());
        Assert.Equal(Rows, read);
    }

    [Fact]
    public async Task Read_row_by_row_the_result_gives_the_rows_the_reader_reads()
    {
        Fill("wsqr_ms", "ms");
        using var c = new TaosConnection(server.ConnectionString("wsqr_ms"));
        c.Open();
        await using var result = await c.Session.ExecuteAsync(new TaosRequest("select ts, v from t order by ts", [], 1, TimeSpan.FromSeconds(30)), true, CancellationToken.None);
        Assert.IsAssignableFrom<ITaosResultBlocks>(result);
        var row = new TaosValue[2];
        int read = 0;
        while (await result.ReadRowAsync(row, true, CancellationToken.None))
        {
            Assert.Equal(1704067200000L + read, row[0].Int64);
            Assert.Equal(read % 10 == 3 ? TaosValueKind.Null : TaosValueKind.Int64, row[1].Kind);
            read++;
        }
        Assert.Equal(Rows, read);
        Assert.Equal(Rows, result.RowCount);
    }

    private static string? Text(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture) + value.GetType().Name,
        _ => value.ToString(),
    };

    private void Fill(string db, string precision)
    {
        server.Run($"create database if not exists {db} precision '{precision}'",
            $"create table if not exists {db}.t (ts timestamp, v int, u bigint unsigned, d double, f float, s varchar(24), n nchar(8), b varbinary(8), k bool)");
        using var cmd = server.DataSource.CreateCommand($"select count(*) from {db}.t");
        if ((long)cmd.ExecuteScalar()! == Rows) return;
        long scale = precision switch { "us" => 1000, "ns" => 1_000_000, _ => 1 };
        for (int start = 0; start < Rows; start += 1500)
        {
            var sql = new StringBuilder($"insert into {db}.t values");
            for (int i = start; i < start + 1500; i++)
            {
                long ts = ((1704067200000L + i) * scale) + (scale > 1 ? (i % 7) * 100 : 0);
                if (i % 10 == 3)
                {
                    sql.Append(CultureInfo.InvariantCulture, $" ({ts}, null, null, null, null, null, null, null, null)");
                    continue;
                }
                sql.Append(CultureInfo.InvariantCulture, $" ({ts}, {i - 4500}, {ulong.MaxValue - (ulong)i}, {i * 0.125}, {i * 0.5f}, 's{i}', 'ñ{i % 100}', '\\x{i:X4}', {(i % 2 == 0 ? "true" : "false")})");
            }
            server.Run(sql.ToString());
        }
    }
}
