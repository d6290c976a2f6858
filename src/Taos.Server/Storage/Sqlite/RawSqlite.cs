using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The small SQLite chores every part of the store shares: run a statement, prepare and step raw statements, and turn a raw result code into an exception.</summary>
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

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="db"/> as a raw statement; throws SQLite's error when it does not prepare.</summary>
    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        int rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Error(db, rc);
        }
        return statement;
    }

    /// <summary>Steps a bound raw statement that returns no rows, resets it for its next use, and throws SQLite's error when it failed.</summary>
    public static void Run(sqlite3 db, sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) throw Error(db, rc);
    }

    /// <summary>The error <paramref name="rc"/> of a raw call on <paramref name="db"/>, with SQLite's message.</summary>
    public static SqliteException Error(sqlite3 db, int rc) => new(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
}
