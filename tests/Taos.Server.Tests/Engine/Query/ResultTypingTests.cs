using Taos.Server.Engine;
using Taos.Server.Engine.Query;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>Every value a query yields must have the CLR type its column's TDengine type promises (see RowSetResult).</summary>
public class ResultTypingTests
{
    private static Type Expected(TaosDataType t) => t switch
    {
        TaosDataType.Bool => typeof(bool),
        TaosDataType.TinyInt => typeof(sbyte),
        TaosDataType.SmallInt => typeof(short),
        TaosDataType.Int => typeof(int),
        TaosDataType.BigInt or TaosDataType.Timestamp => typeof(long),
        TaosDataType.UTinyInt => typeof(byte),
        TaosDataType.USmallInt => typeof(ushort),
        TaosDataType.UInt => typeof(uint),
        TaosDataType.UBigInt => typeof(ulong),
        TaosDataType.Float => typeof(float),
        TaosDataType.Double => typeof(double),
        TaosDataType.VarBinary or TaosDataType.Geometry => typeof(byte[]),
        _ => typeof(string),
    };

    [Theory]
    [InlineData("select abs(current), ceil(current), floor(voltage), round(phase), abs(voltage) from meters")]
    [InlineData("select sum(voltage), sum(current), avg(voltage), min(current), max(voltage), spread(current), stddev(voltage), count(phase) from meters")]
    [InlineData("select first(current), last(voltage), last_row(phase), first(ts), hyperloglog(voltage), percentile(voltage, 90) from d1001")]
    [InlineData("select diff(current), ts from d1001")]
    [InlineData("select csum(voltage), voltage from d1001")]
    [InlineData("select csum(current) from d1001")]
    [InlineData("select top(current, 2), tbname, groupid from meters")]
    [InlineData("select mavg(voltage, 2) from d1001")]
    [InlineData("select tail(phase, 1, 1) from d1001")]
    [InlineData("select current + 1, voltage * 2, -voltage, ts + 1s, ts - 1n, voltage & 3, voltage > 219, current between 10 and 11 from meters")]
    [InlineData("select cast(voltage as tinyint), cast(current as bigint unsigned), cast(voltage as varchar(8)), cast(voltage as double), cast(ts as bigint) from meters")]
    [InlineData("select length(location), upper(location), substr(location, 1, 3), concat(location, 'x'), to_iso8601(ts), timetruncate(ts, 1h) from meters")]
    [InlineData("select _wstart, _wend, _wduration, count(*), avg(current), max(voltage) from meters where ts >= 1704067200000 and ts < 1704067230000 interval(5s) fill(linear)")]
    [InlineData("select _wstart, max(current), min(voltage) from meters where ts >= 1704067200000 and ts < 1704067230000 interval(5s) fill(value, 1.5, 2.5)")]
    [InlineData("select _wstart, first(current) from meters where ts >= 1704067200000 and ts < 1704067230000 interval(5s) fill(prev)")]
    [InlineData("select tbname, groupid, count(*) from meters partition by tbname, groupid")]
    [InlineData("select * from information_schema.ins_databases")]
    [InlineData("select * from information_schema.ins_tables")]
    [InlineData("select 1, 1.5, 'a', true, null, now(), today(), server_status(), database()")]
    public void Values_have_the_clr_type_of_their_column(string sql)
    {
        var result = new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc)
            .Execute((SelectStatement)SqlParser.Parse(sql), new SqlSession { Database = "cf_ms" });
        var rows = result.Rows.ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal(result.Columns.Count, row.Length);
            for (int i = 0; i < row.Length; i++)
            {
                if (row[i] is { } v)
                {
                    Assert.True(Expected(result.Columns[i].Type) == v.GetType(), $"{result.Columns[i].Name}: {result.Columns[i].Type} holds {v.GetType().Name} {v}");
                }
            }
        }
    }

    [Fact]
    public void Timestamp_plus_or_minus_an_integer_or_duration_is_a_timestamp()
    {
        var result = new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc)
            .Execute((SelectStatement)SqlParser.Parse("select ts + 1s, ts - 1000, 1000 + ts, ts + 1n, ts - ts from d1001"), new SqlSession { Database = "cf_ms" });
        Assert.Equal(
            [TaosDataType.Timestamp, TaosDataType.Timestamp, TaosDataType.Timestamp, TaosDataType.Timestamp, TaosDataType.Double],
            result.Columns.Select(c => c.Type));
        var first = result.Rows.First();
        Assert.Equal((long)first[1]! + 2000, (long)first[0]!);
    }

    [Theory]
    [InlineData("prev", new object?[] { 1L, 1L, 1L, 1L, 1L, 1L })]
    [InlineData("next", new object?[] { 1L, 1L, 1L, 1L, 1L, 1L })]
    [InlineData("linear", new object?[] { 1L, 1L, 1L, 1L, 1L, 1L })]
    [InlineData("value, 7", new object?[] { 1L, 1L, 7L, 1L, 7L, 1L })]
    [InlineData("null", new object?[] { 1L, 1L, null, 1L, null, 1L })]
    public void Fill_treats_count_of_an_empty_window_as_missing(string fill, object?[] expected)
    {
        var result = new QueryExecutor(QueryExecutorTests.Meters(), TimeZoneInfo.Utc).Execute(
            (SelectStatement)SqlParser.Parse($"select count(*) from d1001 where ts >= 1704067200000 and ts < 1704067230000 interval(5s) fill({fill})"),
            new SqlSession { Database = "cf_ms" });
        Assert.Equal(expected, result.Rows.Select(r => r[0]));
    }
}
