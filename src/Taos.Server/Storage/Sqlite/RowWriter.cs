using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Upserts rows through raw prepared statements on the writer connection (inside its open transaction), cached per
/// SQLite table, part and column list: binding through the ADO.NET layer costs several times more per row than the
/// step itself. Values are bound straight into SQLite (<see cref="NativeBinds"/>), text as UTF-8 encoded into one
/// buffer kept for the next value. The cache must be cleared (<see cref="Clear"/>) before a SQLite table it may name is dropped.
/// </summary>
internal sealed class RowWriter(SqliteConnection connection) : IDisposable
{
    private const int MaxCachedStatements = 1024;

    /// <summary>Rows one multi-row upsert statement takes.</summary>
    public const int ChunkRows = 32;

    /// <summary>The most parameters one statement may have (SQLite's SQLITE_MAX_VARIABLE_NUMBER since 3.32).</summary>
    private const int MaxParameters = 32766;

    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    /// <summary>The UTF-8 of the text value being bound (grown as needed, kept for the next).</summary>
    private byte[] _utf8 = new byte[256];

    /// <summary>
    /// Writes rows into a child or normal table. <paramref name="columns"/> are schema indexes, starting with 0 (ts);
    /// each row is schema-wide and only those columns are written. An existing row with the same ts keeps the columns not listed.
    /// Each part takes the rows <see cref="ChunkRows"/> at a time through one multi-row statement (fewer steps than one
    /// per row), the rest one by one; rows with the same ts update in the order given.
    /// </summary>
    public void Upsert(SqliteTable table, IReadOnlyList<int> columns, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0) return;
        int parts = TableLayout.PartCount(table.Info.Columns.Count);
        // Every part gets every row (at least its tid and ts) so that the parts always hold the same rows.
        var partColumns = new List<int>[parts];
        for (int part = 0; part < parts; part++) partColumns[part] = [0];
        foreach (int c in columns)
        {
            if (c > 0) partColumns[TableLayout.PartOf(c)].Add(c);
        }
        for (int part = 0; part < parts; part++)
        {
            var list = partColumns[part];
            // SQLite takes at most MaxParameters parameters per statement: a wide part takes fewer rows at a time.
            int per = Math.Max(1, Math.Min(ChunkRows, MaxParameters / (list.Count + 1)));
            int r = 0;
            if (per > 1 && rows.Count >= per)
            {
                var multi = Statement(table, list, part, per);
                for (; r + per <= rows.Count; r += per) Step(multi, table.Id, list, rows, r, per);
            }
            if (r == rows.Count) continue;
            var single = Statement(table, list, part, 1);
            for (; r < rows.Count; r++) Step(single, table.Id, list, rows, r, 1);
        }
    }

    /// <summary>Binds <paramref name="count"/> rows from <paramref name="first"/> on into <paramref name="statement"/> and runs it.</summary>
    private void Step(sqlite3_stmt statement, long tid, List<int> list, IReadOnlyList<object?[]> rows, int first, int count)
    {
        var handle = NativeColumns.Acquire(statement);
        int rc;
        try
        {
            int index = 1;
            for (int k = first; k < first + count; k++)
            {
                var row = rows[k];
                NativeBinds.Int64(handle, index++, tid);
                for (int i = 0; i < list.Count; i++) Bind(handle, index++, row[list[i]]);
            }
            rc = NativeColumns.Step(handle);
        }
        finally
        {
            NativeColumns.Release(statement);
        }
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) throw RawSqlite.Error(connection.Handle!, rc);
    }

    /// <summary>Binds one value by its type: the common ones first, text as UTF-8 from a buffer kept for the next value.</summary>
    private void Bind(IntPtr statement, int index, object? value)
    {
        switch (value)
        {
            case null: NativeBinds.Null(statement, index); break;
            case long v: NativeBinds.Int64(statement, index, v); break;
            case double v: NativeBinds.Double(statement, index, v); break;
            case string v: BindText(statement, index, v); break;
            case int v: NativeBinds.Int64(statement, index, v); break;
            case float v: NativeBinds.Double(statement, index, v); break;
            case byte[] v: NativeBinds.Blob(statement, index, v); break;
            case bool v: NativeBinds.Int64(statement, index, v ? 1 : 0); break;
            case sbyte v: NativeBinds.Int64(statement, index, v); break;
            case short v: NativeBinds.Int64(statement, index, v); break;
            case byte v: NativeBinds.Int64(statement, index, v); break;
            case ushort v: NativeBinds.Int64(statement, index, v); break;
            case uint v: NativeBinds.Int64(statement, index, v); break;
            case ulong v: NativeBinds.Int64(statement, index, unchecked((long)v)); break;
            default: throw new ArgumentException("unsupported value " + value.GetType());
        }
    }

    /// <summary>Binds <paramref name="text"/> as UTF-8 (SQLite copies it), encoded into <see cref="_utf8"/> instead of a new array per value.</summary>
    private void BindText(IntPtr statement, int index, string text)
    {
        int most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < most) _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        int length = Encoding.UTF8.GetBytes(text, _utf8);
        NativeBinds.Text(statement, index, _utf8.AsSpan(0, length));
    }

    /// <summary>The cached upsert of <paramref name="rows"/> rows of <paramref name="columns"/> (schema indexes, 0 first) into one part of the table's rows.</summary>
    private sqlite3_stmt Statement(SqliteTable table, IReadOnlyList<int> columns, int part, int rows)
    {
        var key = new StringBuilder().Append(table.DataId).Append('/').Append(part).Append('x').Append(rows).Append(':');
        foreach (int c in columns) key.Append(c).Append(',');
        string cacheKey = key.ToString();
        if (_statements.TryGetValue(cacheKey, out var cached)) return cached;
        if (_statements.Count >= MaxCachedStatements) Clear();
        var db = connection.Handle!;
        var statement = RawSqlite.Prepare(db, UpsertSql(table.DataId, columns, part, rows));
        _statements[cacheKey] = statement;
        return statement;
    }

    /// <summary>INSERT of <paramref name="rows"/> rows … ON CONFLICT DO UPDATE of the listed columns only (DO NOTHING when only ts is listed).</summary>
    private static string UpsertSql(long dataId, IReadOnlyList<int> columns, int part, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(TableLayout.PartTableName(dataId, part)).Append(" (tid, ts");
        for (int i = 1; i < columns.Count; i++) sql.Append(", ").Append(TableLayout.ColumnName(columns[i]));
        sql.Append(") VALUES ");
        for (int r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(?" : ", (?");
            for (int i = 0; i < columns.Count; i++) sql.Append(", ?");
            sql.Append(')');
        }
        sql.Append(" ON CONFLICT (tid, ts) DO ");
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
