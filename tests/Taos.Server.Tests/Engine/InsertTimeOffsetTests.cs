using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine;

/// <summary>
/// INSERT's <c>± duration</c> (spec A5: "INSERT accepts one ± duration after a timestamp", parInsertSql.c
/// <c>parseTime</c>): only a timestamp reads one, and only one. Before, <c>5 + 1h</c> into an INT column was
/// silently stored as 5 and <c>now + 1h - 1m</c> was accepted.
/// </summary>
public sealed class InsertTimeOffsetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-offset-" + Guid.NewGuid().ToString("N"));
    private readonly SqlEngine _engine;
    private readonly SqlSession _session = new() { Database = "d" };

    public InsertTimeOffsetTests()
    {
        _engine = new SqlEngine(_dir, TimeZoneInfo.Utc);
        Exec("create database d");
        Exec("create table t (ts timestamp, v int, s binary(8))");
    }

    public void Dispose()
    {
        _engine.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private StatementResult Exec(string sql) => _engine.Execute(sql, _session);

    private void Fails(string sql, int code, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => Exec(sql));
        Assert.Equal((code, message), (e.Code, e.Message));
    }

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
