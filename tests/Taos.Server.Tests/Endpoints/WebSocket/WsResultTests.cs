using System.Text;
using Taos.Server.Endpoints.WebSocket;
using Taos.Server.Engine;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Endpoints.WebSocket;

/// <summary>A result that comes as typed batches is sent in the very blocks its rows give.</summary>
public class WsResultTests : EngineTestBase
{
    public WsResultTests()
    {
        Exec("create stable st (ts timestamp, b bool, i tinyint, v int, u int unsigned, f float, d double, s varchar(20), n nchar(5), y varbinary(8)) tags (loc varchar(10))");
        for (int t = 0; t < 3; t++)
        {
            var sql = new StringBuilder(FormattableString.Invariant($"insert into c{t} using st tags ('l{t}') values"));
            for (int i = 0; i < 2500; i++)
            {
                long ts = 1700000000000L + i;
                sql.Append(i % 7 == 3
                    ? FormattableString.Invariant($" ({ts}, null, null, null, null, null, null, null, null, null)")
                    : FormattableString.Invariant($" ({ts}, {i % 2 == 0}, {i % 100 - 50}, {i * (t + 1)}, {i * 3}, {i}.25, {i}.125, 's{i}', 'n{i % 1000}', '\\x{i % 256:x2}')"));
            }
            Exec(sql.ToString());
        }
    }

    [Theory]
    [InlineData("select ts, b, i, v, u, f, d, s, n, y from st", WsQueryActions.ScanBlockRows)]
    [InlineData("select ts, b, i, v, u, f, d, s, n, y from st where v % 3 = 1 or s is null", WsQueryActions.ScanBlockRows)]
    [InlineData("select s, ts, s from c1 where ts > 1700000000100", WsQueryActions.ScanBlockRows)]
    [InlineData("select ts, v, n from c2 order by ts", WsQueryActions.SortedBlockRows)]
    [InlineData("select ts, v from c0 where v < 0", WsQueryActions.ScanBlockRows)]
    public void Batches_and_rows_give_the_same_blocks(string sql, int blockRows)
    {
        var batched = Assert.IsType<RowSetResult>(Exec(sql));
        var boxed = Assert.IsType<RowSetResult>(Exec(sql)) with { Batches = null };
        Assert.NotNull(batched.Batches);
        using var fromBatches = new WsResult(1, batched);
        using var fromRows = new WsResult(2, boxed);

        int blocks = 0, rows = 0;
        while (true)
        {
            int expected = fromRows.FetchBlock(blockRows);
            int actual = fromBatches.FetchBlock(blockRows);
            Assert.Equal(expected, actual);
            if (expected == 0) break;
            Assert.Equal(fromRows.Block!.Value.ToArray(), fromBatches.Block!.Value.ToArray());
            blocks++;
            rows += actual;
        }
        Assert.Null(fromBatches.Block);
        Assert.Equal(rows, Rows(sql).Count);
        Assert.True(blocks <= 1 + (rows / blockRows));
    }

    [Fact]
    public void A_result_disposed_mid_way_releases_its_scan_and_refuses_more_fetches()
    {
        var result = new WsResult(1, Assert.IsType<RowSetResult>(Exec("select ts, v from st")));
        Assert.Equal(WsQueryActions.ScanBlockRows, result.FetchBlock(WsQueryActions.ScanBlockRows));

        result.Dispose();

        Assert.Throws<ObjectDisposedException>(() => result.FetchBlock(WsQueryActions.ScanBlockRows));
        // The store still serves (the scan's connection went back).
        Assert.Equal(7500, Rows("select ts, v from st").Count);
    }
}
