namespace Taos.Server.Engine;

/// <summary>
/// Executes SQL statements against the durable store: parse (<see cref="Sql.SqlParser"/>), resolve against the
/// catalog, run. Thread-safe: one instance serves every request of a server.
/// </summary>
public sealed class SqlEngine : IDisposable
{
    public SqlEngine(string dataDirectory, TimeZoneInfo serverZone)
    {
        DataDirectory = dataDirectory;
        ServerZone = serverZone;
    }

    public string DataDirectory { get; }

    public TimeZoneInfo ServerZone { get; }

    /// <summary>Runs one statement. Errors are <see cref="TaosServerException"/> with TDengine's code and text.</summary>
    public StatementResult Execute(string sql, SqlSession session) =>
        throw new TaosServerException(TaosErrorCode.AdapterError, "not built yet");

    public void Dispose()
    {
    }
}
