using System.Globalization;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Write;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// ALTER TABLE and ALTER STABLE: columns and tags of super and normal tables (through <see cref="SchemaEdit"/>),
/// a child table's tag values, and COMMENT/TTL. A child table's columns and tags are its super table's own.
/// </summary>
internal sealed class AlterTableCommands(IStore store, TimeZoneInfo zone)
{
    public AffectedRowsResult Execute(AlterTableStatement s, SqlSession session) => store.Write(tx =>
    {
        var entry = Find(s, session);
        var table = entry.Info;
        switch (s.Kind)
        {
            case AlterTableKind.Options:
                SetOptions(tx, entry, s.Options);
                break;
            case AlterTableKind.SetTag:
                SetTag(tx, entry, s);
                break;
            default:
                if (table.Kind == TableKind.Child) throw AlterErrors.InvalidTableAction();
                if (table.Kind == TableKind.Normal && IsTagChange(s.Kind)) throw AlterErrors.InvalidTableAction();
                tx.ChangeSchema(entry, Edit(table, s));
                break;
        }
        return new AffectedRowsResult(0);
    });

    /// <summary>The table the statement names: ALTER STABLE wants a super table (866 otherwise), ALTER TABLE any table.</summary>
    private TableEntry Find(AlterTableStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Table.Database, session);
        var entry = store.FindEntry(db.Name, s.Table.Name);
        if (s.Stable && (entry is null || entry.Info.Kind != TableKind.Super)) throw AlterErrors.StableNotExist();
        return entry ?? throw CatalogResolver.TableNotExist();
    }

    private static bool IsTagChange(AlterTableKind kind) =>
        kind is AlterTableKind.AddTag or AlterTableKind.DropTag or AlterTableKind.ModifyTag or AlterTableKind.RenameTag;

    private static SchemaChange Edit(TableInfo table, AlterTableStatement s) => s.Kind switch
    {
        AlterTableKind.AddColumn => SchemaEdit.AddColumn(table, s.Column!),
        AlterTableKind.AddTag => SchemaEdit.AddTag(table, s.Column!),
        AlterTableKind.DropColumn => SchemaEdit.DropColumn(table, s.Name!),
        AlterTableKind.DropTag => SchemaEdit.DropTag(table, s.Name!),
        AlterTableKind.ModifyColumn => SchemaEdit.ModifyColumn(table, s.Column!),
        AlterTableKind.ModifyTag => SchemaEdit.ModifyTag(table, s.Column!),
        AlterTableKind.RenameColumn => SchemaEdit.RenameColumn(table, s.Name!, s.NewName!),
        _ => SchemaEdit.RenameTag(table, s.Name!, s.NewName!),
    };

    /// <summary><c>SET TAG t = v</c> of a child table: the value coerced like a CREATE TABLE … TAGS value.</summary>
    private void SetTag(IStoreWriter tx, TableEntry entry, AlterTableStatement s)
    {
        var table = entry.Info;
        if (table.Kind != TableKind.Child) throw AlterErrors.InvalidAlterTable("set tag value only available for child table");
        int index = TagBinder.IndexOf(table.Tags, s.Name!);
        if (index < 0) throw AlterErrors.InvalidColumnName(s.Name!);
        var precision = store.FindDatabase(table.Database)!.Precision;
        var coercer = new ValueCoercer(s.Sql, zone, precision);
        var values = table.TagValues?.ToArray() ?? new object?[table.Tags.Count];
        values[index] = coercer.Coerce(s.TagValue!, table.Tags[index], primaryKey: false);
        tx.SetTagValues(entry, values);
    }

    /// <summary><c>COMMENT 'c'</c> and <c>TTL n</c>; what is not named keeps its value.</summary>
    private static void SetOptions(IStoreWriter tx, TableEntry entry, IReadOnlyList<DatabaseOption> options)
    {
        int ttl = entry.Info.Ttl;
        string? comment = entry.Info.Comment;
        foreach (var option in options)
        {
            if (option.Name == "comment")
            {
                comment = option.Values[0];
            }
            else if (!int.TryParse(option.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out ttl))
            {
                throw new TaosServerException(ServerErrorCode.InvalidOption, "Invalid option ttl: " + option.Values[0]);
            }
        }
        tx.SetTableOptions(entry, ttl, comment);
    }
}
