using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The two small SQLite chores every part of the store shares: run a statement, and turn a raw result code into an exception.</summary>
internal static class RawSqlite
{
    /// <summary>Runs <paramref name="sql"/> (no results) on <paramref name="connection"/>, inside <paramref name="transaction"/> when one is open.</summary>
    public static void Exec(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>A command with <paramref name="sql"/> inside <paramref name="transaction"/>.</summary>
    public static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The error <paramref name="rc"/> of a raw call on <paramref name="db"/>, with SQLite's message.</summary>
    public static SqliteException Error(sqlite3 db, int rc) => new(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
}
