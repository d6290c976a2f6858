namespace Taos.Server.Sql.Ast;

/// <summary>A column type as declared: VARCHAR/NCHAR/VARBINARY/GEOMETRY carry their length, others their fixed size.</summary>
internal sealed record TypeSpec(TaosDataType Type, int Length);

/// <summary>One column or tag of CREATE STABLE/TABLE. Options (ENCODE, COMPRESS, LEVEL, PRIMARY KEY) are kept as written.</summary>
internal sealed record ColumnDefinition(string Name, TypeSpec Type, bool PrimaryKey = false, string? Encode = null, string? Compress = null, string? Level = null);
