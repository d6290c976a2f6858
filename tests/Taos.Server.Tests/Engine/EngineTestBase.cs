using Taos.Server.Engine;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine;

/// <summary>An engine on a fresh temporary data directory, with the helpers the engine tests share.</summary>
public abstract class EngineTestBase : IDisposable
{
    /// <param name="database">The database created first and used by <see cref="Session"/> (none when null).</param>
    /// <param name="edition">The TDengine edition the engine answers as (views need <see cref="TaosServerEdition.Enterprise"/>).</param>
    protected EngineTestBase(string? database = "d", TaosServerEdition edition = TaosServerEdition.Community)
    {
        Session = new SqlSession { Database = database };
        Store = new SqliteStore(Dir);
        _edition = edition;
        Engine = new SqlEngine(Store, TimeZoneInfo.Utc) { Edition = edition };
        if (database is not null)
        {
            Exec("create database " + database);
        }
    }

    private readonly TaosServerEdition _edition;

    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "taos-engine-" + Guid.NewGuid().ToString("N"));

    private protected SqlEngine Engine { get; private set; }

    /// <summary>The store under <see cref="Engine"/> (owned by it).</summary>
    private protected IStore Store { get; private set; }

    private protected SqlSession Session { get; }

    /// <summary>Closes the engine and opens a new one on the same directory, as a server restart would.</summary>
    private protected void Reopen(UserSettings? users = null)
    {
        Engine.Dispose();
        Store = new SqliteStore(Dir);
        Engine = new SqlEngine(Store, TimeZoneInfo.Utc, users) { Edition = _edition };
    }

    /// <summary>Creates TDengine's example super table <c>meters</c>.</summary>
    protected void Meters()
    {
        Exec("create stable meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))");
    }

    private protected StatementResult Exec(string sql, SqlSession? session = null) => Engine.Execute(sql, session ?? Session);

    protected int Affected(string sql) => Assert.IsType<AffectedRowsResult>(Exec(sql)).AffectedRows;

    private protected List<object?[]> Rows(string sql, SqlSession? session = null) => Assert.IsType<RowSetResult>(Exec(sql, session)).Rows.ToList();

    private protected void Fails(string sql, int code, string message, SqlSession? session = null)
    {
        var e = Assert.Throws<TaosServerException>(() => Exec(sql, session));
        Assert.Equal((code, message), (e.Code, e.Message));
    }

    public void Dispose()
    {
        Engine.Dispose();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
