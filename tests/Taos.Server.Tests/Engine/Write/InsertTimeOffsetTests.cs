using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Write;

/// <summary>
/// INSERT's <c>± duration</c> (spec A5: "INSERT accepts one ± duration after a timestamp", parInsertSql.c
/// <c>parseTime</c>): only a timestamp reads one, and only one. Before, <c>5 + 1h</c> into an INT column was
/// silently stored as 5 and <c>now + 1h - 1m</c> was accepted.
/// </summary>
public sealed class InsertTimeOffsetTests : EngineTestBase
{
    public InsertTimeOffsetTests() => Exec("create table t (ts timestamp, v int, s binary(8))");

    [Fact]
    public void A_duration_after_a_non_timestamp_value_is_where_the_comma_was_expected()
    {
        Fails("insert into t values (now, 5 + 1h, 'a')", 534, "syntax error near '+ 1h, 'a')' (, expected)");
        Fails("insert into t (ts, s) values (now, 'x' - 1s)", 534, "syntax error near '- 1s)' (, expected)");
        Assert.Empty(Assert.IsType<RowSetResult>(Exec("select * from t")).Rows);
    }

    [Fact]
    public void A_timestamp_takes_one_duration_and_not_two()
    {
        Fails("insert into t values (now + 1h - 1m, 1, 'a')", 534, "syntax error near '- 1m, 1, 'a')' (, expected)");
        Assert.Equal(1, Assert.IsType<AffectedRowsResult>(Exec("insert into t values (1704067200000 + 1h, 1, 'a')")).AffectedRows);
        var rows = Assert.IsType<RowSetResult>(Exec("select ts from t")).Rows.ToList();
        Assert.Equal(1704070800000L, rows[0][0]);
    }
}
