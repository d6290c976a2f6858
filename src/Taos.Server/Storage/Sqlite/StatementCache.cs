using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Prepared statements of one connection by their SQL text, each prepared once and reset for its next use (the
/// children of a super table share their SQLite table, so one statement serves them all); disposing finalizes them.
/// </summary>
internal sealed class StatementCache(sqlite3 db) : IDisposable
{
    private readonly Dictionary<string, sqlite3_stmt?> _statements = [];

    /// <summary>The connection the statements run on.</summary>
    public sqlite3 Db => db;

    /// <summary>
    /// The statement of <paramref name="sql"/>, reset and with its bindings cleared; null when it cannot be
    /// prepared (its SQLite table is gone: the table was dropped meanwhile).
    /// </summary>
    public sqlite3_stmt? Get(string sql)
    {
        if (_statements.TryGetValue(sql, out var cached))
        {
            if (cached is null) return null;
            raw.sqlite3_reset(cached);
            raw.sqlite3_clear_bindings(cached);
            return cached;
        }
        sqlite3_stmt? statement = null;
        if (raw.sqlite3_prepare_v2(db, sql, out var prepared) == raw.SQLITE_OK)
        {
            statement = prepared;
        }
        else
        {
            prepared?.Dispose();
        }
        _statements[sql] = statement;
        return statement;
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement?.Dispose();
        _statements.Clear();
    }
}
