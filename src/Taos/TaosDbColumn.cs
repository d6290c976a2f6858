using System.Data.Common;

namespace Taos;

/// <summary>
/// A result column as the server described it in <c>column_meta</c> (PEP 249's <c>description</c>): name,
/// TDengine type, length and the .NET type its values are read as.
/// </summary>
public sealed class TaosDbColumn : DbColumn
{
    internal TaosDbColumn(int ordinal, string name, string typeName, TaosDataType type, int length, Type dataType)
    {
        ColumnOrdinal = ordinal;
        ColumnName = name;
        BaseColumnName = name;
        DataTypeName = typeName;
        TaosType = type;
        ColumnSize = length;
        DataType = dataType;
        AllowDBNull = true;
        IsReadOnly = true;
        IsLong = length > 8000;
    }

    /// <summary>The TDengine type.</summary>
    public TaosDataType TaosType { get; }

    /// <summary>The length the server reports: the byte size of fixed types, the declared length of VARCHAR/NCHAR/VARBINARY/GEOMETRY (NCHAR in characters).</summary>
    public int Length => ColumnSize ?? 0;
}
