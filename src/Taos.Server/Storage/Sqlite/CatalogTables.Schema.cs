using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Catalog changes of ALTER: a table's new schema, tag values or options (TTL, comment, kept as JSON in the
/// <c>options</c> column of <c>catalog_table</c>, added to data directories that predate it), a database's new options.
/// </summary>
internal sealed partial class CatalogTables
{
    /// <summary>Adds the <c>options</c> column to a <c>catalog_table</c> created before it existed.</summary>
    private static void AddOptionsColumn(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('catalog_table') WHERE name = 'options'";
        if ((long)command.ExecuteScalar()! == 0) RawSqlite.Exec(connection, "ALTER TABLE catalog_table ADD COLUMN options TEXT");
    }

    /// <summary>Applies the stored TTL and comment of every table that has them to the loaded mirror.</summary>
    private void LoadTableOptions(Dictionary<string, DatabaseState> databases)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT db, name, options FROM catalog_table WHERE options IS NOT NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!databases.TryGetValue(reader.GetString(0), out var db) || !db.Tables.TryGetValue(reader.GetString(1), out var table)) continue;
            using var doc = JsonDocument.Parse(reader.GetString(2));
            var root = doc.RootElement;
            var info = table.Info with
            {
                Ttl = root.TryGetProperty("ttl", out var ttl) ? ttl.GetInt32() : 0,
                Comment = root.TryGetProperty("comment", out var comment) ? comment.GetString() : null,
            };
            db.Tables[info.Name] = new SqliteTable(info, table.Id, table.DataId, table.Order);
        }
    }

    /// <summary>The child tables of a super table as stored entries.</summary>
    public IReadOnlyList<SqliteTable> ChildEntries(string database, string superTable)
    {
        lock (_lock)
        {
            if (!_databases.TryGetValue(database, out var db)) return [];
            return db.Tables.Values.Where(t => t.Info.Kind == TableKind.Child && t.Info.SuperTable == superTable).ToList();
        }
    }

    /// <summary>Stores <paramref name="info"/> (same database and name) as the new catalog entry of <paramref name="table"/>.</summary>
    public SqliteTable ReplaceTable(SqliteTransaction transaction, SqliteTable table, TableInfo info)
    {
        using (var command = RawSqlite.Command(transaction, """
            UPDATE catalog_table SET columns = $c, tags = $t, tag_values = $v, options = $o WHERE db = $db AND name = $n
            """))
        {
            bool child = info.Kind == TableKind.Child;
            command.Parameters.AddWithValue("$db", info.Database);
            command.Parameters.AddWithValue("$n", info.Name);
            command.Parameters.AddWithValue("$c", child ? "[]" : CatalogCodec.WriteColumns(info.Columns));
            command.Parameters.AddWithValue("$t", child ? "[]" : CatalogCodec.WriteColumns(info.Tags));
            command.Parameters.AddWithValue("$v", info.TagValues is null ? DBNull.Value : CatalogCodec.WriteTagValues(info.TagValues));
            command.Parameters.AddWithValue("$o", info.Ttl == 0 && info.Comment is null ? DBNull.Value : WriteTableOptions(info));
            command.ExecuteNonQuery();
        }
        var replaced = new SqliteTable(info, table.Id, table.DataId, table.Order);
        lock (_lock)
        {
            if (_databases.TryGetValue(info.Database, out var db)) db.Tables[info.Name] = replaced;
        }
        return replaced;
    }

    /// <summary>Stores the new options of an existing database.</summary>
    public void ReplaceDatabase(SqliteTransaction transaction, DatabaseInfo info)
    {
        using (var command = RawSqlite.Command(transaction, "UPDATE catalog_db SET options = $o WHERE name = $n"))
        {
            command.Parameters.AddWithValue("$n", info.Name);
            command.Parameters.AddWithValue("$o", CatalogCodec.WriteOptions(info.Options));
            command.ExecuteNonQuery();
        }
        lock (_lock)
        {
            if (_databases.TryGetValue(info.Name, out var db)) db.Info = info;
        }
    }

    private static string WriteTableOptions(TableInfo info)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (info.Ttl != 0) writer.WriteNumber("ttl", info.Ttl);
            if (info.Comment is not null) writer.WriteString("comment", info.Comment);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
