namespace Taos.Server.Sql.Ast;

/// <summary>
/// A possibly database-qualified table name. Unquoted names arrive lowercased; backquoted ones keep their case.
/// </summary>
internal sealed record TableName(string? Database, string Name)
{
    public override string ToString() => Database is null ? Name : Database + "." + Name;
}

/// <summary>A column type as declared: VARCHAR/NCHAR/VARBINARY/GEOMETRY carry their length, others their fixed size.</summary>
internal sealed record TypeSpec(TaosDataType Type, int Length);

/// <summary>One column or tag of CREATE STABLE/TABLE. Options (ENCODE, COMPRESS, LEVEL, PRIMARY KEY) are kept as written.</summary>
internal sealed record ColumnDefinition(string Name, TypeSpec Type, bool PrimaryKey = false, string? Encode = null, string? Compress = null, string? Level = null);

/// <summary>
/// A duration literal such as <c>10s</c> or <c>1n</c>: its value and unit letter
/// (b ns, u µs, a ms, s, m, h, d, w, n month, y year). <see cref="Text"/> is the token as written.
/// </summary>
internal sealed record Duration(long Value, char Unit, string Text);
