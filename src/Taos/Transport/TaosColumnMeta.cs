namespace Taos.Transport;

/// <summary>One result column as the transport describes it.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="TypeName">The TDengine type name as the server reported it, e.g. <c>BIGINT UNSIGNED</c>.</param>
/// <param name="Type">The TDengine type.</param>
/// <param name="Length">The byte size of fixed types, the declared length of variable-length ones.</param>
/// <param name="Precision">The precision of the result's timestamps (the database's), so that a reader types a
/// TIMESTAMP column without looking at its values.</param>
internal sealed record TaosColumnMeta(string Name, string TypeName, TaosDataType Type, int Length, TaosPrecision Precision);
