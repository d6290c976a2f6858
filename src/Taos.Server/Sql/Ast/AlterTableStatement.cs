namespace Taos.Server.Sql.Ast;

/// <summary>What an <see cref="AlterTableStatement"/> changes.</summary>
internal enum AlterTableKind { AddColumn, DropColumn, ModifyColumn, RenameColumn, AddTag, DropTag, ModifyTag, RenameTag, SetTag, Options }

/// <summary>
/// <c>ALTER TABLE|STABLE [db.]t …</c>. <see cref="Column"/> is the new definition for ADD/MODIFY;
/// <see cref="Name"/> the column or tag for DROP, RENAME (old name) and SET TAG; <see cref="NewName"/> the
/// RENAME target; <see cref="TagValue"/> the SET TAG value; <see cref="Options"/> COMMENT/TTL (name + value as in
/// <see cref="DatabaseOption"/>, the comment without quotes).
/// </summary>
internal sealed record AlterTableStatement(
    bool Stable,
    TableName Table,
    AlterTableKind Kind,
    ColumnDefinition? Column,
    string? Name,
    string? NewName,
    InsertValue? TagValue,
    IReadOnlyList<DatabaseOption> Options) : Statement;
