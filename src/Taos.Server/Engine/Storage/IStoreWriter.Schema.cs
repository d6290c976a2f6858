using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Storage;

/// <summary>The schema changes of a write transaction (ALTER TABLE/STABLE/DATABASE and schemaless ingest).</summary>
internal partial interface IStoreWriter
{
    /// <summary>
    /// Gives a super or normal table the schema <paramref name="change"/> describes; a super table's children follow
    /// (their tag values lose a dropped tag and get NULL for added ones). Rows written before stay readable: a
    /// dropped column's values are gone, an added column reads NULL. Returns the table's new entry.
    /// </summary>
    TableEntry ChangeSchema(TableEntry table, SchemaChange change);

    /// <summary>Replaces a child table's tag values (one per tag of its super table, typed like result values).</summary>
    TableEntry SetTagValues(TableEntry child, IReadOnlyList<object?> values);

    /// <summary>Sets a table's TTL (days) and comment.</summary>
    TableEntry SetTableOptions(TableEntry table, int ttl, string? comment);

    /// <summary>Replaces the options of an existing database (its name and precision stay).</summary>
    void AlterDatabase(DatabaseInfo info);
}
