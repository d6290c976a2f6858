using System.Globalization;
using System.Text;
using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Operators;

/// <summary>Which results come as typed batches (<see cref="RowSetResult.Batches"/>), and that they hold the very rows of <see cref="RowSetResult.Rows"/>.</summary>
public class VectorProjectOperatorTests : EngineTestBase
{
    public VectorProjectOperatorTests()
    {
        Exec("create stable st (ts timestamp, v int, f float, s varchar(20)) tags (loc varchar(10))");
        // Three children; rows cross the scan's 1024-row batches, every fifth value is NULL.
        for (int t = 0; t < 3; t++)
        {
            var sql = new StringBuilder(FormattableString.Invariant($"insert into c{t} using st tags ('l{t}') values"));
            for (int i = 0; i < 1500; i++)
            {
                string v = i % 5 == 0 ? "null" : (i * (t + 1)).ToString(CultureInfo.InvariantCulture);
                string s = i % 5 == 1 ? "null" : $"'s{i}'";
                sql.Append(CultureInfo.InvariantCulture, $" ({1700000000000L + i}, {v}, {i}.5, {s})");
            }
            Exec(sql.ToString());
        }
        Exec("create table nt (ts timestamp, b bool, u bigint unsigned, n nchar(4))");
        Exec("insert into nt values (1700000000000, true, 18446744073709551615, '中文'), (1700000000001, null, null, null), (1700000000002, false, 0, '')");
    }

    [Theory]
    [InlineData("select * from c0", true)]
    [InlineData("select s, v, ts, v from c1", true)]
    [InlineData("select ts, v from st", true)]
    [InlineData("select ts, v from st where v > 100 and s like '%1%'", true)]
    [InlineData("select ts, v from c0 order by ts", true)]
    [InlineData("select * from nt", true)]
    [InlineData("select * from st", false)]
    [InlineData("select v + 1 from c0", false)]
    [InlineData("select tbname, v from st", false)]
    [InlineData("select ts, v from c0 order by v", false)]
    [InlineData("select ts, v from c0 limit 10", false)]
    [InlineData("select distinct v from c0", false)]
    [InlineData("select count(*) from c0", false)]
    [InlineData("select * from (select ts, v from c0)", false)]
    public void A_plain_projection_of_bare_columns_over_a_table_scan_comes_as_batches(string sql, bool batches)
    {
        var result = Assert.IsType<RowSetResult>(Exec(sql));

        Assert.Equal(batches, result.Batches is not null);
    }

    [Theory]
    [InlineData("select * from c0")]
    [InlineData("select s, v, ts, v from c1")]
    [InlineData("select ts, v, f, s from st where v > 100 and s like '%1%'")]
    [InlineData("select ts, s from st where v is null")]
    [InlineData("select ts, v from c2 where ts >= 1700000000500 and ts < 1700000001200 order by ts")]
    [InlineData("select * from nt")]
    [InlineData("select * from c0 where v < 0")]
    public void The_batches_hold_the_rows_of_the_row_path(string sql)
    {
        var expected = Rows(sql);
        var result = Assert.IsType<RowSetResult>(Exec(sql));

        var actual = new List<object?[]>();
        foreach (var batch in result.Batches!)
        {
            for (int k = 0; k < batch.Length; k++)
            {
                int row = batch.RowAt(k);
                actual.Add(batch.Columns.Select(v => v.GetValue(row)).ToArray());
            }
        }

        Assert.Equal(expected.Count, actual.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r], actual[r]);
        }
    }
}
