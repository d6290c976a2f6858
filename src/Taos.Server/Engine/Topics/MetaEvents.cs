using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Topics;

/// <summary>The <see cref="MetaEvent"/> each kind of catalog write makes (null or none when it changes no table metadata).</summary>
internal static class MetaEvents
{
    /// <summary>A created super, child or normal table.</summary>
    public static MetaEvent Created(TableInfo info) => info.Kind switch
    {
        TableKind.Super => new MetaEvent(MetaKind.CreateStable, info.Database, info.Name)
        {
            SuperTable = info.Name,
            Columns = info.Columns.Select(MetaColumn.From).ToList(),
            Tags = info.Tags.Select(MetaColumn.From).ToList(),
        },
        TableKind.Child => new MetaEvent(MetaKind.CreateTable, info.Database, info.Name)
        {
            SuperTable = info.SuperTable,
            Tags = info.Tags.Select(MetaColumn.From).ToList(),
            TagValues = (info.TagValues ?? []).Select(MetaValueText.ToText).ToList(),
        },
        _ => new MetaEvent(MetaKind.CreateTable, info.Database, info.Name)
        {
            Normal = true,
            Columns = info.Columns.Select(MetaColumn.From).ToList(),
        },
    };

    /// <summary>A dropped super, child or normal table.</summary>
    public static MetaEvent Dropped(TableInfo info) => info.Kind == TableKind.Super
        ? new MetaEvent(MetaKind.DropStable, info.Database, info.Name) { SuperTable = info.Name }
        : new MetaEvent(MetaKind.DropTable, info.Database, info.Name) { SuperTable = info.SuperTable, Normal = info.Kind == TableKind.Normal };

    /// <summary>
    /// The ALTER that turned <paramref name="old"/>'s schema into <paramref name="change"/>'s (one change per ALTER:
    /// a column or tag added, dropped, renamed or widened); null when the columns and tags stayed as they were.
    /// </summary>
    public static MetaEvent? Altered(TableInfo old, SchemaChange change)
    {
        bool super = old.Kind == TableKind.Super;
        var e = new MetaEvent(super ? MetaKind.AlterStable : MetaKind.AlterTable, old.Database, old.Name)
        {
            SuperTable = super ? old.Name : null,
            Normal = !super,
            Columns = change.Columns.Select(MetaColumn.From).ToList(),
            Tags = change.Tags.Select(MetaColumn.From).ToList(),
        };
        if (change.DroppedColumn >= 0) return e with { AlterType = MetaJson.DropColumn, ColumnName = old.Columns[change.DroppedColumn].Name };
        if (change.DroppedTag >= 0) return e with { AlterType = MetaJson.DropTag, ColumnName = old.Tags[change.DroppedTag].Name };
        if (change.Columns.Count > old.Columns.Count) return Added(e, MetaJson.AddColumn, change.Columns[^1]);
        if (change.Tags.Count > old.Tags.Count) return Added(e, MetaJson.AddTag, change.Tags[^1]);
        return Modified(e, old.Columns, change.Columns, MetaJson.UpdateColumnName, MetaJson.UpdateColumnBytes)
            ?? Modified(e, old.Tags, change.Tags, MetaJson.UpdateTagName, MetaJson.UpdateTagBytes);
    }

    /// <summary>SET TAG: one event per tag whose value changed.</summary>
    public static IEnumerable<MetaEvent> TagsSet(TableInfo child, IReadOnlyList<object?> values)
    {
        for (int i = 0; i < child.Tags.Count && i < values.Count; i++)
        {
            string? before = MetaValueText.ToText(child.TagValues is { } old && i < old.Count ? old[i] : null);
            string? after = MetaValueText.ToText(values[i]);
            if (before == after) continue;
            yield return new MetaEvent(MetaKind.AlterTable, child.Database, child.Name)
            {
                SuperTable = child.SuperTable,
                AlterType = MetaJson.UpdateTagValue,
                ColumnName = child.Tags[i].Name,
                Column = MetaColumn.From(child.Tags[i]),
                TagValue = after,
            };
        }
    }

    /// <summary>Rows of a child or normal table deleted at <paramref name="timestamps"/> (null when none).</summary>
    public static MetaEvent? Deleted(TableInfo table, IReadOnlyList<long> timestamps) => timestamps.Count == 0 ? null
        : new MetaEvent(MetaKind.Delete, table.Database, table.Name)
        {
            SuperTable = table.SuperTable,
            Normal = table.Kind == TableKind.Normal,
            StartKey = timestamps.Min(),
            EndKey = timestamps.Max(),
            TimestampColumn = table.Columns[0].Name,
        };

    private static MetaEvent Added(MetaEvent e, int alterType, ColumnInfo added) =>
        e with { AlterType = alterType, ColumnName = added.Name, Column = MetaColumn.From(added) };

    private static MetaEvent? Modified(MetaEvent e, IReadOnlyList<ColumnInfo> before, IReadOnlyList<ColumnInfo> after, int renamed, int widened)
    {
        for (int i = 0; i < before.Count && i < after.Count; i++)
        {
            if (before[i].Name != after[i].Name) return e with { AlterType = renamed, ColumnName = before[i].Name, NewName = after[i].Name };
            if (before[i].Length != after[i].Length) return e with { AlterType = widened, ColumnName = after[i].Name, Column = MetaColumn.From(after[i]) };
        }
        return null;
    }
}
