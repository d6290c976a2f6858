using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The schema changes of one write transaction of the <see cref="SqliteStore"/>.</summary>
internal sealed partial class SqliteWriter
{
    public TableEntry ChangeSchema(TableEntry table, SchemaChange change)
    {
        CatalogChanged = true;
        var stored = (SqliteTable)table;
        var old = stored.Info;
        Sequence(old.Database);
        int kept = old.Columns.Count;
        if (change.DroppedColumn > 0)
        {
            Exec(SchemaLayout.DropColumn(stored.DataId, old.Columns, change.DroppedColumn));
            kept--;
        }
        for (int i = kept; i < change.Columns.Count; i++) Exec(SchemaLayout.AddColumn(stored.DataId, i, change.Columns[i].Type));
        rowWriter.Clear();
        var replaced = catalog.ReplaceTable(transaction, stored, old with { Columns = change.Columns, Tags = change.Tags });
        LogMeta(MetaEvents.Altered(old, change));
        if (old.Kind != TableKind.Super) return replaced;
        foreach (var child in catalog.ChildEntries(old.Database, old.Name))
        {
            var values = child.Info.TagValues?.Where((_, i) => i != change.DroppedTag).ToList() ?? [];
            while (values.Count < change.Tags.Count) values.Add(null);
            catalog.ReplaceTable(transaction, child, child.Info with { Columns = change.Columns, Tags = change.Tags, TagValues = values });
        }
        return replaced;
    }

    public TableEntry SetTagValues(TableEntry child, IReadOnlyList<object?> values)
    {
        CatalogChanged = true;
        Sequence(child.Info.Database);
        foreach (var meta in MetaEvents.TagsSet(child.Info, values)) LogMeta(meta);
        return catalog.ReplaceTable(transaction, (SqliteTable)child, child.Info with { TagValues = values });
    }

    public TableEntry SetTableOptions(TableEntry table, int ttl, string? comment)
    {
        CatalogChanged = true;
        Sequence(table.Info.Database);
        return catalog.ReplaceTable(transaction, (SqliteTable)table, table.Info with { Ttl = ttl, Comment = comment });
    }

    public void AlterDatabase(DatabaseInfo info)
    {
        CatalogChanged = true;
        Sequence(info.Name);
        catalog.ReplaceDatabase(transaction, info);
    }
}
