using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>Views under both privilege modes: recorded-only grants (TDengine 3.3.0.1 community) and enforced ones.</summary>
public sealed class ViewPrivilegeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-view-priv-" + Guid.NewGuid().ToString("N"));
    private SqlEngine? _engine;

    private static SqlSession U1 { get; } = new() { User = "u1", Database = "d" };

    private SqlEngine Start(bool enforce)
    {
        _engine = new SqlEngine(new SqliteStore(_dir), TimeZoneInfo.Utc, UserSettings.Default with { EnforcePrivileges = enforce }) { Edition = TaosServerEdition.Enterprise };
        foreach (string sql in new[]
        {
            "create database d", "create table d.t (ts timestamp, v int)", "insert into d.t values (1704067200000, 1)",
            "create view d.vt as select * from d.t", "create user u1 pass 'a1'",
        })
        {
            _engine.Execute(sql, new SqlSession());
        }
        return _engine;
    }

    private static void Denied(SqlEngine engine, string sql)
    {
        var e = Assert.Throws<TaosServerException>(() => engine.Execute(sql, U1));
        Assert.Equal(9796, e.Code);
    }

    [Fact]
    public void Recorded_grants_let_an_enabled_user_use_views_and_a_disabled_user_none()
    {
        var engine = Start(enforce: false);
        Assert.Single(Assert.IsType<RowSetResult>(engine.Execute("select * from vt", U1)).Rows);
        Assert.IsType<AffectedRowsResult>(engine.Execute("create view v2 as select ts from vt", U1));
        engine.Execute("alter user u1 enable 0", new SqlSession());
        Denied(engine, "select * from vt");
        Denied(engine, "create view v3 as select ts from t");
        Denied(engine, "drop view v2");
        Denied(engine, "explain select * from vt");
    }

    [Fact]
    public void Enforced_grants_decide_reading_creating_and_dropping_views()
    {
        var engine = Start(enforce: true);
        Denied(engine, "select * from vt");
        Denied(engine, "explain select * from vt");
        Denied(engine, "create view v2 as select ts from t");
        engine.Execute("grant read on d.vt to u1", new SqlSession());
        Assert.Single(Assert.IsType<RowSetResult>(engine.Execute("select * from vt", U1)).Rows);
        Denied(engine, "select * from t");
        Denied(engine, "create view v2 as select ts from vt");
        Denied(engine, "drop view vt");
        engine.Execute("grant write on d.* to u1", new SqlSession());
        Assert.IsType<AffectedRowsResult>(engine.Execute("create view v2 as select ts from vt", U1));
        Assert.IsType<AffectedRowsResult>(engine.Execute("drop view vt", U1));
    }

    public void Dispose()
    {
        _engine?.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
