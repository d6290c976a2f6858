namespace Taos.Server.Engine.Catalog;

/// <summary>A database: its name, precision and the CREATE DATABASE options as given (for ins_databases).</summary>
internal sealed record DatabaseInfo(string Name, TaosPrecision Precision, IReadOnlyDictionary<string, string> Options);

/// <summary>A column or tag of a table schema. <see cref="Length"/> is the declared length for VARCHAR/NCHAR/VARBINARY/GEOMETRY, else the fixed size.</summary>
internal sealed record ColumnInfo(string Name, TaosDataType Type, int Length)
{
    /// <summary>ENCODE option as declared (null = the type's default, see DESCRIBE).</summary>
    public string? Encode { get; init; }

    /// <summary>COMPRESS option as declared (null = <c>lz4</c>).</summary>
    public string? Compress { get; init; }

    /// <summary>LEVEL option as declared (null = <c>medium</c>).</summary>
    public string? Level { get; init; }
}

internal enum TableKind { Super, Child, Normal }

/// <summary>
/// A super, child or normal table. A child table carries its super table's name and schema
/// (<see cref="Columns"/>, <see cref="Tags"/>) plus its own <see cref="TagValues"/> (typed like result values,
/// see <see cref="RowSetResult"/>; JSON tags as normalized JSON text). A super table has no tag values; a
/// normal table has no tags.
/// </summary>
internal sealed record TableInfo(
    string Database,
    string Name,
    TableKind Kind,
    string? SuperTable,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<ColumnInfo> Tags,
    IReadOnlyList<object?>? TagValues)
{
    /// <summary>The table's TTL in days as set by <c>ALTER TABLE … TTL n</c> (0 = none).</summary>
    public int Ttl { get; init; }

    /// <summary>The table's comment as set by <c>ALTER TABLE|STABLE … COMMENT 'c'</c>, or null.</summary>
    public string? Comment { get; init; }
}
