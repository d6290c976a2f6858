using Microsoft.Data.Sqlite;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>
/// The storage's floor: the same aggregate computed by SQLite itself, directly over the stored rows of
/// <c>power.meters</c> (one SQLite table keyed (tid, ts) holding every child's rows; <c>c1</c> = current,
/// <c>c2</c> = voltage), on a read-only connection to the server's data file.
/// </summary>
internal sealed class SqliteFloor : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _table;

    public SqliteFloor(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "taos.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id FROM catalog_table WHERE db = 'power' AND name = 'meters'";
        _table = "t_" + Convert.ToInt64(command.ExecuteScalar() ?? throw new InvalidOperationException("power.meters is not stored"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><c>count(*), avg(current), max(voltage)</c> over every row.</summary>
    public string Aggregate => $"SELECT count(*), avg(c1), max(c2) FROM {_table}";

    /// <summary>The same per one-minute window (the windows of <c>interval(1m)</c> over the merged children).</summary>
    public string PerMinute => $"SELECT ts / 60000 AS w, count(*), avg(c1), max(c2) FROM {_table} GROUP BY w ORDER BY w";

    /// <summary>Each child's newest timestamp (what a scan for LAST_ROW per table costs SQLite itself).</summary>
    public string LastPerTable => $"SELECT tid, max(ts) FROM {_table} GROUP BY tid";

    /// <summary>Runs <paramref name="sql"/> and returns the number of result rows.</summary>
    public long Run(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

    /// <summary>The result rows of <paramref name="sql"/>, each value as SQLite returns it.</summary>
    public List<object?[]> Rows(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
