using System.Data;
using System.Diagnostics.CodeAnalysis;
using Taos.Protocol;

namespace Taos;

/// <summary>The schema collections of <see cref="TaosConnection.GetSchema(string, string?[])"/>, read with SHOW and DESCRIBE.</summary>
internal static class TaosSchemaProvider
{
    [UnconditionalSuppressMessage("Trimming", "IL2111", Justification = "The Columns collection's DATA_TYPE_CLR column holds Type objects by design.")]
    public static DataTable GetSchema(TaosConnection connection, string collectionName, string?[] restrictions)
    {
        ArgumentNullException.ThrowIfNull(collectionName);
        restrictions ??= [];
        switch (collectionName.ToUpperInvariant())
        {
            case "METADATACOLLECTIONS":
            {
                var t = new DataTable("MetaDataCollections");
                t.Columns.Add("CollectionName", typeof(string));
                t.Columns.Add("NumberOfRestrictions", typeof(int));
                t.Columns.Add("NumberOfIdentifierParts", typeof(int));
                t.Rows.Add("MetaDataCollections", 0, 0);
                t.Rows.Add("Databases", 0, 1);
                t.Rows.Add("Tables", 1, 2);
                t.Rows.Add("Columns", 2, 3);
                return t;
            }
            case "DATABASES":
            {
                connection.CheckOpen();
                var t = new DataTable("Databases");
                t.Columns.Add("DATABASE_NAME", typeof(string));
                foreach (var name in Strings(connection, "show databases"))
                {
                    t.Rows.Add(name);
                }
                return t;
            }
            case "TABLES":
            {
                connection.CheckOpen();
                string db = Database(connection, restrictions);
                var t = new DataTable("Tables");
                t.Columns.Add("TABLE_CATALOG", typeof(string));
                t.Columns.Add("TABLE_NAME", typeof(string));
                t.Columns.Add("TABLE_TYPE", typeof(string));
                foreach (var (name, type) in Tables(connection, db))
                {
                    t.Rows.Add(db, name, type);
                }
                return t;
            }
            case "COLUMNS":
            {
                connection.CheckOpen();
                string db = Database(connection, restrictions);
                string? table = restrictions.Length > 1 ? restrictions[1] : null;
                var t = new DataTable("Columns");
                t.Columns.Add("TABLE_CATALOG", typeof(string));
                t.Columns.Add("TABLE_NAME", typeof(string));
                t.Columns.Add("COLUMN_NAME", typeof(string));
                t.Columns.Add("ORDINAL_POSITION", typeof(int));
                t.Columns.Add("DATA_TYPE", typeof(string));
                t.Columns.Add("COLUMN_SIZE", typeof(int));
                t.Columns.Add("IS_TAG", typeof(bool));
                t.Columns.Add("DATA_TYPE_CLR", typeof(Type));
                var tables = table is null ? Tables(connection, db).Select(x => x.Name).ToList() : [table];
                foreach (var name in tables)
                {
                    using var cmd = connection.CreateCommand();
                    cmd.CommandText = $"describe {Quote(db)}.{Quote(name)}";
                    using var reader = cmd.ExecuteReader();
                    int ordinal = 1;
                    while (reader.Read())
                    {
                        string typeName = reader.GetString(1);
                        TaosTypes.TryParseName(typeName, out var type);
                        bool isTag = reader.FieldCount > 3 && !reader.IsDBNull(3) && reader.GetString(3) == "TAG";
                        t.Rows.Add(db, name, reader.GetString(0), ordinal++, typeName, reader.GetInt32(2), isTag, TaosTypes.ClrType(type));
                    }
                }
                return t;
            }
            default:
                throw new ArgumentException(TaosStrings.UnsupportedCollection(collectionName), nameof(collectionName));
        }
    }

    private static string Database(TaosConnection connection, string?[] restrictions)
    {
        string? db = restrictions.Length > 0 && !string.IsNullOrEmpty(restrictions[0]) ? restrictions[0] : connection.Database;
        return string.IsNullOrEmpty(db)
            ? throw new ArgumentException(TaosStrings.NoSchemaDatabase)
            : db;
    }

    private static IEnumerable<(string Name, string Type)> Tables(TaosConnection connection, string db)
    {
        foreach (var name in Strings(connection, $"show {Quote(db)}.stables")) yield return (name, "SUPER TABLE");
        foreach (var name in Strings(connection, $"show {Quote(db)}.tables")) yield return (name, "TABLE");
    }

    private static List<string> Strings(TaosConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    private static string Quote(string identifier) =>
        identifier.Contains('`') ? throw new ArgumentException(TaosStrings.InvalidIdentifier(identifier)) : "`" + identifier + "`";
}
