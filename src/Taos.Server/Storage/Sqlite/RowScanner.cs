using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Reads a table's rows in ts order as typed batches, each scan on a pooled read connection of its
/// own (WAL lets it run beside the writer). Raw statement stepping: the ADO.NET reader costs several times more per value.
/// </summary>
internal sealed class RowScanner(string connectionString)
{
    /// <summary>
    /// The rows of a child or normal table with <paramref name="minTs"/> ≤ ts ≤ <paramref name="maxTs"/>, only the
    /// schema columns <paramref name="columns"/>, in batches.
    /// </summary>
    public IEnumerable<ColumnBatch> ScanBatches(SqliteTable table, long minTs, long maxTs, IReadOnlyList<int> columns)
    {
        var types = columns.Select(i => table.Info.Columns[i].Type).ToArray();
        return TableLayout.PartCount(table.Info.Columns.Count) > 1
            ? ColumnBatch.FromRows(ScanParts(table, minTs, maxTs), columns, types)
            : ScanBatchesSingle(table, minTs, maxTs, columns, types);
    }

    /// <summary>
    /// Prepares the range scan of <paramref name="selectList"/> in one part and binds tid and the range; false when
    /// the SQLite table is gone (the table was dropped between the catalog lookup and the scan: nothing to read).
    /// </summary>
    private static bool TryPrepare(sqlite3 db, SqliteTable table, int part, string selectList, long minTs, long maxTs, out sqlite3_stmt statement)
    {
        // An unbounded range needs no per-row test of ts: the key (tid, ts) already yields a table's rows in ts order.
        bool bounded = minTs != long.MinValue || maxTs != long.MaxValue;
        if (raw.sqlite3_prepare_v2(db, TableLayout.RangeScan(selectList, table.DataId, part, bounded), out statement) != raw.SQLITE_OK)
        {
            statement?.Dispose();
            return false;
        }
        raw.sqlite3_bind_int64(statement, 1, table.Id);
        if (bounded)
        {
            raw.sqlite3_bind_int64(statement, 2, minTs);
            raw.sqlite3_bind_int64(statement, 3, maxTs);
        }
        return true;
    }

    private IEnumerable<ColumnBatch> ScanBatchesSingle(SqliteTable table, long minTs, long maxTs, IReadOnlyList<int> columns, TaosDataType[] types)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        string select = columns.Count == 0 ? "ts" : string.Join(", ", columns.Select(c => c == 0 ? "ts" : TableLayout.ColumnName(c)));
        var db = connection.Handle!;
        if (!TryPrepare(db, table, 0, select, minTs, maxTs, out var statement)) yield break;
        try
        {
            var batch = new ColumnBatch(types);
            var storage = types.Select(ColumnVector.StorageOf).ToArray();
            var handle = NativeColumns.Acquire(statement);
            try
            {
                while (true)
                {
                    int n = 0, rc = raw.SQLITE_ROW;
                    while (n < batch.Capacity && (rc = NativeColumns.Step(handle)) == raw.SQLITE_ROW)
                    {
                        for (int k = 0; k < storage.Length; k++) ReadInto(handle, k, batch.Columns[k], storage[k], n);
                        n++;
                    }
                    if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) throw RawSqlite.Error(db, rc);
                    if (n == 0) yield break;
                    batch.Count = n;
                    yield return batch;
                    if (n < batch.Capacity) yield break;
                }
            }
            finally
            {
                NativeColumns.Release(statement);
            }
        }
        finally
        {
            statement.Dispose();
        }
    }

    /// <summary>A table stored in several parts: one ts-ordered scan per part, stepped together (same rows in each).</summary>
    private IEnumerable<object?[]> ScanParts(SqliteTable table, long minTs, long maxTs)
    {
        var columns = table.Info.Columns;
        int parts = TableLayout.PartCount(columns.Count);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var db = connection.Handle!;
        var statements = new sqlite3_stmt[parts];
        var partColumns = new List<int>[parts];
        try
        {
            for (int part = 0; part < parts; part++)
            {
                partColumns[part] = [];
                var select = new StringBuilder("ts");
                for (int i = 1; i < columns.Count; i++)
                {
                    if (TableLayout.PartOf(i) != part) continue;
                    partColumns[part].Add(i);
                    select.Append(", ").Append(TableLayout.ColumnName(i));
                }
                if (!TryPrepare(db, table, part, select.ToString(), minTs, maxTs, out statements[part])) yield break;
            }
            while (true)
            {
                var row = new object?[columns.Count];
                for (int part = 0; part < parts; part++)
                {
                    var statement = statements[part];
                    int rc = raw.sqlite3_step(statement);
                    if (rc == raw.SQLITE_DONE) yield break;
                    if (rc != raw.SQLITE_ROW) throw RawSqlite.Error(db, rc);
                    if (part == 0) row[0] = raw.sqlite3_column_int64(statement, 0);
                    var list = partColumns[part];
                    for (int k = 0; k < list.Count; k++)
                    {
                        int i = list[k];
                        row[i] = raw.sqlite3_column_type(statement, k + 1) == raw.SQLITE_NULL ? null : ReadValue(statement, k + 1, columns[i].Type);
                    }
                }
                yield return row;
            }
        }
        finally
        {
            foreach (var statement in statements) statement?.Dispose();
        }
    }

    /// <summary>
    /// Reads result column <paramref name="i"/> of the current row into slot <paramref name="slot"/> of
    /// <paramref name="vector"/>. SQLite gives 0 for NULL, so only a 0 needs the type check.
    /// </summary>
    private static void ReadInto(IntPtr handle, int i, ColumnVector vector, VectorStorage storage, int slot)
    {
        switch (storage)
        {
            case VectorStorage.Longs:
                long v = NativeColumns.Int64(handle, i);
                vector.Nulls[slot] = v == 0 && NativeColumns.Type(handle, i) == raw.SQLITE_NULL;
                vector.Longs[slot] = NarrowLike(vector.Type, v);
                break;
            case VectorStorage.Doubles:
                double d = NativeColumns.Double(handle, i);
                vector.Nulls[slot] = d == 0 && NativeColumns.Type(handle, i) == raw.SQLITE_NULL;
                vector.Doubles[slot] = vector.Type == TaosDataType.Float ? (float)d : d;
                break;
            default:
                bool isNull = NativeColumns.Type(handle, i) == raw.SQLITE_NULL;
                vector.Nulls[slot] = isNull;
                vector.Objects[slot] = isNull ? null : ReadVariable(handle, i, vector.Type);
                break;
        }
    }

    /// <summary>
    /// A TEXT value as a string straight from SQLite's UTF-8 (no intermediate copy), a BLOB as a new array — the
    /// values <see cref="ReadValue"/> gives.
    /// </summary>
    private static object ReadVariable(IntPtr handle, int i, TaosDataType type)
    {
        if (type is TaosDataType.VarBinary or TaosDataType.Geometry)
        {
            IntPtr blob = NativeColumns.Blob(handle, i);
            var bytes = new byte[NativeColumns.Bytes(handle, i)];
            if (bytes.Length > 0) Marshal.Copy(blob, bytes, 0, bytes.Length);
            return bytes;
        }
        IntPtr text = NativeColumns.Text(handle, i);
        int length = NativeColumns.Bytes(handle, i);
        return length == 0 ? string.Empty : Marshal.PtrToStringUTF8(text, length);
    }

    /// <summary>The stored integer as the value <see cref="ReadValue"/> would give, widened back to long.</summary>
    private static long NarrowLike(TaosDataType type, long v) => type switch
    {
        TaosDataType.Bool => v != 0 ? 1 : 0,
        TaosDataType.TinyInt => (sbyte)v,
        TaosDataType.SmallInt => (short)v,
        TaosDataType.Int => (int)v,
        TaosDataType.UTinyInt => (byte)v,
        TaosDataType.USmallInt => (ushort)v,
        TaosDataType.UInt => (uint)v,
        _ => v,
    };

    /// <summary>Result column <paramref name="i"/> of the current row (not NULL) as the CLR value of <paramref name="type"/>.</summary>
    internal static object ReadValue(sqlite3_stmt statement, int i, TaosDataType type) => type switch
    {
        TaosDataType.Bool => raw.sqlite3_column_int64(statement, i) != 0,
        TaosDataType.TinyInt => (sbyte)raw.sqlite3_column_int64(statement, i),
        TaosDataType.SmallInt => (short)raw.sqlite3_column_int64(statement, i),
        TaosDataType.Int => (int)raw.sqlite3_column_int64(statement, i),
        TaosDataType.BigInt or TaosDataType.Timestamp => raw.sqlite3_column_int64(statement, i),
        TaosDataType.UTinyInt => (byte)raw.sqlite3_column_int64(statement, i),
        TaosDataType.USmallInt => (ushort)raw.sqlite3_column_int64(statement, i),
        TaosDataType.UInt => (uint)raw.sqlite3_column_int64(statement, i),
        TaosDataType.UBigInt => unchecked((ulong)raw.sqlite3_column_int64(statement, i)),
        TaosDataType.Float => (float)raw.sqlite3_column_double(statement, i),
        TaosDataType.Double => raw.sqlite3_column_double(statement, i),
        TaosDataType.VarBinary or TaosDataType.Geometry => raw.sqlite3_column_blob(statement, i).ToArray(),
        _ => raw.sqlite3_column_text(statement, i).utf8_to_string(),
    };
}
