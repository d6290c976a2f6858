using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// A column or tag as table metadata carries it: its declared <see cref="Length"/> (characters of VARCHAR, NCHAR,
/// VARBINARY and GEOMETRY; the byte size of fixed types) and the compression options a column was declared with.
/// </summary>
internal sealed record MetaColumn(string Name, TaosDataType Type, int Length)
{
    /// <summary>ENCODE as declared, or null for the type's default.</summary>
    public string? Encode { get; init; }

    /// <summary>COMPRESS as declared, or null (lz4).</summary>
    public string? Compress { get; init; }

    /// <summary>LEVEL as declared, or null (medium).</summary>
    public string? Level { get; init; }

    /// <summary>The column as metadata carries it.</summary>
    public static MetaColumn From(ColumnInfo c) => new(c.Name, c.Type, c.Length) { Encode = c.Encode, Compress = c.Compress, Level = c.Level };
}

/// <summary>
/// One DDL a write transaction made, kept in the write log for WITH META topics (stored as JSON, so every member is
/// plain data). Which members are set depends on <see cref="Kind"/>: the created or altered schema
/// (<see cref="Columns"/>, <see cref="Tags"/>), a child's tag values (canonical text, see <see cref="MetaValueText"/>),
/// the ALTER (<see cref="AlterType"/> is TDengine's <c>TSDB_ALTER_TABLE_*</c>), the deleted time range.
/// </summary>
internal sealed record MetaEvent(MetaKind Kind, string Database, string Table)
{
    /// <summary>The super table of a child table, or the super table an event of a super table names.</summary>
    public string? SuperTable { get; init; }

    /// <summary>Whether the table is a normal table (CreateTable, AlterTable, DropTable, Delete).</summary>
    public bool Normal { get; init; }

    /// <summary>The columns of a created super or normal table, or of a super table after its ALTER.</summary>
    public IReadOnlyList<MetaColumn> Columns { get; init; } = [];

    /// <summary>The tags of a created or altered super table, or of a created child table's super table.</summary>
    public IReadOnlyList<MetaColumn> Tags { get; init; } = [];

    /// <summary>A created child table's tag values, one per tag, as canonical text (null: NULL).</summary>
    public IReadOnlyList<string?> TagValues { get; init; } = [];

    /// <summary>TDengine's <c>TSDB_ALTER_TABLE_*</c> of an ALTER (0 for other kinds).</summary>
    public int AlterType { get; init; }

    /// <summary>The column or tag an ALTER names.</summary>
    public string? ColumnName { get; init; }

    /// <summary>The new name of a renamed column or tag.</summary>
    public string? NewName { get; init; }

    /// <summary>The added or widened column or tag.</summary>
    public MetaColumn? Column { get; init; }

    /// <summary>The new tag value of SET TAG as canonical text (null: NULL).</summary>
    public string? TagValue { get; init; }

    /// <summary>The first timestamp of a DELETE's range.</summary>
    public long StartKey { get; init; }

    /// <summary>The last timestamp of a DELETE's range.</summary>
    public long EndKey { get; init; }

    /// <summary>The timestamp column a DELETE's range is on.</summary>
    public string? TimestampColumn { get; init; }
}
