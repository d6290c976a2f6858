using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Write;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// The new schema of a super or normal table after one ALTER of its columns or tags, checked as TDengine checks it:
/// a super table's changes are judged by the mnode (87x codes), a normal table's by the parser (97xx/98xx codes).
/// </summary>
internal static class SchemaEdit
{
    public static SchemaChange AddColumn(TableInfo table, ColumnDefinition definition)
    {
        bool super = table.Kind == TableKind.Super;
        Schema.CheckName(definition.Name);
        if (TagBinder.IndexOf(table.Columns, definition.Name) >= 0) throw super ? AlterErrors.ColumnExists() : AlterErrors.DuplicatedColumn();
        if (TagBinder.IndexOf(table.Tags, definition.Name) >= 0) throw AlterErrors.TagExists();
        if (definition.Type.Type == TaosDataType.Json) throw new TaosServerException(ServerErrorCode.OnlyTagCanBeJson, "Only tag can be json type");
        Schema.CheckLength(definition.Type, isTag: false);
        return new SchemaChange([.. table.Columns, Schema.Info(definition)], table.Tags);
    }

    public static SchemaChange AddTag(TableInfo table, ColumnDefinition definition)
    {
        Schema.CheckName(definition.Name);
        if (TagBinder.IndexOf(table.Columns, definition.Name) >= 0) throw AlterErrors.ColumnExists();
        if (TagBinder.IndexOf(table.Tags, definition.Name) >= 0) throw AlterErrors.TagExists();
        if (definition.Type.Type == TaosDataType.Json || table.Tags.Any(t => t.Type == TaosDataType.Json))
            throw new TaosServerException(ServerErrorCode.OnlyOneJsonTag, "Only one tag if there is a json tag");
        Schema.CheckLength(definition.Type, isTag: true);
        return new SchemaChange(table.Columns, [.. table.Tags, Schema.Info(definition)]);
    }

    public static SchemaChange DropColumn(TableInfo table, string name)
    {
        bool super = table.Kind == TableKind.Super;
        int index = TagBinder.IndexOf(table.Columns, name);
        if (index < 0) throw super ? AlterErrors.ColumnNotExist() : AlterErrors.InvalidColumnName(name);
        if (index == 0) throw super ? AlterErrors.InvalidStableOption() : AlterErrors.CannotDropPrimaryKey();
        if (table.Columns.Count <= 2)
            throw super ? AlterErrors.InvalidStableOption() : new TaosServerException(0x2651, "No columns can be dropped");
        return new SchemaChange(table.Columns.Where((_, i) => i != index).ToList(), table.Tags, DroppedColumn: index);
    }

    public static SchemaChange DropTag(TableInfo table, string name)
    {
        if (table.Tags.Count == 1) throw AlterErrors.InvalidAlterTable("the only tag cannot be dropped");
        int index = TagBinder.IndexOf(table.Tags, name);
        if (index < 0) throw AlterErrors.TagNotExist();
        return new SchemaChange(table.Columns, table.Tags.Where((_, i) => i != index).ToList(), DroppedTag: index);
    }

    public static SchemaChange ModifyColumn(TableInfo table, ColumnDefinition definition)
    {
        int index = TagBinder.IndexOf(table.Columns, definition.Name);
        if (index < 0) throw table.Kind == TableKind.Super ? AlterErrors.ColumnNotExist() : AlterErrors.InvalidColumnName(definition.Name);
        var columns = table.Columns.ToList();
        columns[index] = Widened(columns[index], definition, isTag: false);
        return new SchemaChange(columns, table.Tags);
    }

    public static SchemaChange ModifyTag(TableInfo table, ColumnDefinition definition)
    {
        int index = TagBinder.IndexOf(table.Tags, definition.Name);
        if (index < 0) throw AlterErrors.TagNotExist();
        var tags = table.Tags.ToList();
        tags[index] = Widened(tags[index], definition, isTag: true);
        return new SchemaChange(table.Columns, tags);
    }

    public static SchemaChange RenameColumn(TableInfo table, string oldName, string newName)
    {
        if (table.Kind == TableKind.Super) throw AlterErrors.InvalidAlterTable("Rename column only available for normal table");
        int index = TagBinder.IndexOf(table.Columns, oldName);
        if (index < 0) throw AlterErrors.InvalidColumnName(oldName);
        Schema.CheckName(newName);
        if (TagBinder.IndexOf(table.Columns, newName) >= 0) throw AlterErrors.DuplicatedColumn();
        var columns = table.Columns.ToList();
        columns[index] = columns[index] with { Name = newName };
        return new SchemaChange(columns, table.Tags);
    }

    public static SchemaChange RenameTag(TableInfo table, string oldName, string newName)
    {
        int index = TagBinder.IndexOf(table.Tags, oldName);
        if (index < 0) throw AlterErrors.TagNotExist();
        Schema.CheckName(newName);
        if (TagBinder.IndexOf(table.Tags, newName) >= 0) throw AlterErrors.TagExists();
        if (TagBinder.IndexOf(table.Columns, newName) >= 0) throw AlterErrors.ColumnExists();
        var tags = table.Tags.ToList();
        tags[index] = tags[index] with { Name = newName };
        return new SchemaChange(table.Columns, tags);
    }

    /// <summary>The column or tag with the longer length <paramref name="definition"/> gives it (same variable-length type only).</summary>
    private static ColumnInfo Widened(ColumnInfo current, ColumnDefinition definition, bool isTag)
    {
        var type = definition.Type;
        bool variable = current.Type is TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.VarBinary or TaosDataType.Geometry;
        if (!variable || type.Type != current.Type || type.Length <= current.Length) throw AlterErrors.InvalidModify();
        Schema.CheckLength(type, isTag);
        return current with { Length = type.Length };
    }
}
