using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Upserts rows through raw prepared statements on the writer connection (inside its open transaction), cached per
/// SQLite table, part and column list: binding through the ADO.NET layer costs several times more per row than the
/// step itself. The cache must be cleared (<see cref="Clear"/>) before a SQLite table it may name is dropped.
/// </summary>
internal sealed class RowWriter(SqliteConnection connection) : IDisposable
{
    private const int MaxCachedStatements = 1024;

    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes rows into a child or normal table. <paramref name="columns"/> are schema indexes, starting with 0 (ts);
    /// each row is schema-wide and only those columns are written. An existing row with the same ts keeps the columns not listed.
    /// </summary>
    public void Upsert(SqliteTable table, IReadOnlyList<int> columns, IEnumerable<object?[]> rows)
    {
        int parts = TableLayout.PartCount(table.Info.Columns.Count);
        // Every part gets every row (at least its tid and ts) so that the parts always hold the same rows.
        var partColumns = new List<int>[parts];
        for (int part = 0; part < parts; part++) partColumns[part] = [0];
        foreach (int c in columns)
        {
            if (c > 0) partColumns[TableLayout.PartOf(c)].Add(c);
        }
        var statements = new sqlite3_stmt[parts];
        for (int part = 0; part < parts; part++) statements[part] = Statement(table, partColumns[part], part);
        var db = connection.Handle!;
        foreach (var row in rows)
        {
            for (int part = 0; part < parts; part++)
            {
                var statement = statements[part];
                var list = partColumns[part];
                raw.sqlite3_bind_int64(statement, 1, table.Id);
                for (int i = 0; i < list.Count; i++) Bind(statement, i + 2, row[list[i]]);
                int rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE) throw RawSqlite.Error(db, rc);
            }
        }
    }

    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null: raw.sqlite3_bind_null(statement, index); break;
            case long v: raw.sqlite3_bind_int64(statement, index, v); break;
            case int v: raw.sqlite3_bind_int64(statement, index, v); break;
            case float v: raw.sqlite3_bind_double(statement, index, v); break;
            case double v: raw.sqlite3_bind_double(statement, index, v); break;
            case string v: raw.sqlite3_bind_text(statement, index, v); break;
            case byte[] v: raw.sqlite3_bind_blob(statement, index, v); break;
            case bool v: raw.sqlite3_bind_int64(statement, index, v ? 1 : 0); break;
            case sbyte v: raw.sqlite3_bind_int64(statement, index, v); break;
            case short v: raw.sqlite3_bind_int64(statement, index, v); break;
            case byte v: raw.sqlite3_bind_int64(statement, index, v); break;
            case ushort v: raw.sqlite3_bind_int64(statement, index, v); break;
            case uint v: raw.sqlite3_bind_int64(statement, index, v); break;
            case ulong v: raw.sqlite3_bind_int64(statement, index, unchecked((long)v)); break;
            default: throw new ArgumentException("unsupported value " + value.GetType());
        }
    }

    /// <summary>The cached upsert of <paramref name="columns"/> (schema indexes, 0 first) into one part of the table's rows.</summary>
    private sqlite3_stmt Statement(SqliteTable table, IReadOnlyList<int> columns, int part)
    {
        var key = new StringBuilder().Append(table.DataId).Append('/').Append(part).Append(':');
        foreach (int c in columns) key.Append(c).Append(',');
        string cacheKey = key.ToString();
        if (_statements.TryGetValue(cacheKey, out var cached)) return cached;
        if (_statements.Count >= MaxCachedStatements) Clear();
        var db = connection.Handle!;
        int rc = raw.sqlite3_prepare_v2(db, UpsertSql(table.DataId, columns, part), out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw RawSqlite.Error(db, rc);
        }
        _statements[cacheKey] = statement;
        return statement;
    }

    /// <summary>INSERT … ON CONFLICT DO UPDATE of the listed columns only (DO NOTHING when only ts is listed).</summary>
    private static string UpsertSql(long dataId, IReadOnlyList<int> columns, int part)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(TableLayout.PartTableName(dataId, part)).Append(" (tid, ts");
        for (int i = 1; i < columns.Count; i++) sql.Append(", ").Append(TableLayout.ColumnName(columns[i]));
        sql.Append(") VALUES (?");
        for (int i = 0; i < columns.Count; i++) sql.Append(", ?");
        sql.Append(") ON CONFLICT (tid, ts) DO ");
        if (columns.Count == 1) return sql.Append("NOTHING").ToString();
        sql.Append("UPDATE SET ");
        for (int i = 1; i < columns.Count; i++)
        {
            string name = TableLayout.ColumnName(columns[i]);
            if (i > 1) sql.Append(", ");
            sql.Append(name).Append(" = excluded.").Append(name);
        }
        return sql.ToString();
    }

    /// <summary>Finalizes every cached statement.</summary>
    public void Clear()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _statements.Clear();
    }

    public void Dispose() => Clear();
}
