namespace Taos.Protocol.RawBlock;

/// <summary>
/// A decoded raw block: its header fields, its schema and its rows. Values use the types
/// <see cref="RawBlockWriter"/> takes (TIMESTAMP <see cref="long"/>, BOOL <see cref="bool"/>, integers by size and
/// sign, FLOAT/DOUBLE, VARCHAR/NCHAR/JSON <see cref="string"/>, VARBINARY/GEOMETRY <see cref="byte"/>[], NULL <c>null</c>).
/// </summary>
internal sealed record RawBlockData(int Version, uint Flag, ulong GroupId, IReadOnlyList<RawBlockColumn> Columns, IReadOnlyList<object?[]> Rows);
