using Taos.Server.Engine;
using Taos.Server.Engine.Schemaless;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Engine.Users;

/// <summary>With <see cref="UserSettings.EnforcePrivileges"/>: schemaless ingest needs WRITE on the database, a TMQ subscription SUBSCRIBE on the topic.</summary>
public sealed class SchemalessAndTopicPrivilegeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-enforced-sml-" + Guid.NewGuid().ToString("N"));
    private readonly SqlEngine _engine;

    public SchemalessAndTopicPrivilegeTests()
    {
        _engine = new SqlEngine(new SqliteStore(_dir), TimeZoneInfo.Utc, UserSettings.Default with { EnforcePrivileges = true });
        foreach (string sql in new[] { "create database d", "create table d.t (ts timestamp, v int)", "create topic tp as select ts, v from d.t", "create user u1 pass 'a1'" })
        {
            _engine.Execute(sql, new SqlSession());
        }
    }

    private int Ingest(string user) => _engine.InsertSchemaless(user, "d", "m,host=a v=1i 1700000000000", SmlProtocol.Line, SmlTimeUnit.Milliseconds);

    [Fact]
    public void Schemaless_ingest_needs_write_on_the_database_and_a_refusal_writes_nothing()
    {
        var e = Assert.Throws<TaosServerException>(() => Ingest("u1"));
        Assert.Equal((9796, "Permission denied or target object not exist"), (e.Code, e.Message));
        Assert.Throws<TaosServerException>(() => _engine.Execute("describe d.m", new SqlSession()));
        _engine.Execute("grant read on d.* to u1", new SqlSession());
        Assert.Equal(9796, Assert.Throws<TaosServerException>(() => Ingest("u1")).Code);
        _engine.Execute("grant write on d.* to u1", new SqlSession());
        Assert.Equal(1, Ingest("u1"));
        Assert.Equal(1, Ingest("root"));
    }

    [Fact]
    public void Subscribing_needs_subscribe_on_the_topic()
    {
        var e = Assert.Throws<TaosServerException>(() => _engine.AuthorizeSubscribe("u1", ["tp"]));
        Assert.Equal((771, "Insufficient privilege for operation"), (e.Code, e.Message));
        _engine.AuthorizeSubscribe("u1", ["no_such_topic"]);
        _engine.AuthorizeSubscribe("root", ["tp"]);
        _engine.Execute("grant write on d.* to u1", new SqlSession());
        Assert.Equal(771, Assert.Throws<TaosServerException>(() => _engine.AuthorizeSubscribe("u1", ["tp"])).Code);
        _engine.Execute("grant read on d.* to u1", new SqlSession());
        Assert.Equal(771, Assert.Throws<TaosServerException>(() => _engine.AuthorizeSubscribe("u1", ["tp"])).Code);
        _engine.Execute("grant subscribe on tp to u1", new SqlSession());
        _engine.AuthorizeSubscribe("u1", ["tp"]);
        _engine.Execute("alter user u1 enable 0", new SqlSession());
        Assert.Equal(771, Assert.Throws<TaosServerException>(() => _engine.AuthorizeSubscribe("u1", ["tp"])).Code);
        _engine.Execute("alter user u1 enable 1", new SqlSession());
        _engine.Execute("revoke subscribe on tp from u1", new SqlSession());
        Assert.Equal(771, Assert.Throws<TaosServerException>(() => _engine.AuthorizeSubscribe("u1", ["tp"])).Code);
    }

    public void Dispose()
    {
        _engine.Dispose();
        ServerFixture.TryDelete(_dir);
    }
}
