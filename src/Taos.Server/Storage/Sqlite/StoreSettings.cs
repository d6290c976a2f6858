using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The cluster's settings (<see cref="Engine.Storage.IStoreMaintenance"/>): one row per key in <c>cluster_setting</c>.</summary>
internal sealed class StoreSettings
{
    private readonly SqliteConnection _connection;

    /// <summary>Creates <c>cluster_setting</c> when missing.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public StoreSettings(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS cluster_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    }

    /// <summary>The value under <paramref name="key"/>, or null (call under the store's write lock).</summary>
    public string? Load(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM cluster_setting WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> inside <paramref name="transaction"/>.</summary>
    public static void Save(SqliteTransaction transaction, string key, string value)
    {
        using var command = RawSqlite.Command(transaction, "INSERT INTO cluster_setting (key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = $v");
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }
}
