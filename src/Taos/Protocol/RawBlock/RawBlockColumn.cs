namespace Taos.Protocol.RawBlock;

/// <summary>One column of a raw block's schema: its type and its <c>bytes</c> (the block's per-column length field).</summary>
/// <param name="Type">The TDengine type code.</param>
/// <param name="Bytes">VARCHAR/VARBINARY/GEOMETRY declared length + 2, NCHAR 4 × chars + 2, JSON 16384, fixed types their size.</param>
internal readonly record struct RawBlockColumn(TaosDataType Type, int Bytes)
{
    /// <summary>
    /// The block column of a result column as <c>column_meta</c> declares it (<paramref name="declaredLength"/> is
    /// the length a query reports in <c>fields_lengths</c>).
    /// </summary>
    public static RawBlockColumn FromDeclared(TaosDataType type, int declaredLength) => new(type, type switch
    {
        TaosDataType.VarChar or TaosDataType.VarBinary or TaosDataType.Geometry => declaredLength + 2,
        TaosDataType.NChar => (4 * declaredLength) + 2,
        TaosDataType.Json => RawBlockLayout.JsonBytes,
        _ => RawBlockLayout.FixedSize(type),
    });
}
