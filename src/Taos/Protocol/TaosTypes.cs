using System.Diagnostics.CodeAnalysis;

namespace Taos.Protocol;

/// <summary>Facts about TDengine types as they appear on the wire: names, fixed sizes, .NET counterparts.</summary>
internal static class TaosTypes
{
    /// <summary>The name TDengine reports in <c>column_meta</c> and DESCRIBE.</summary>
    public static string Name(TaosDataType type) => type switch
    {
        TaosDataType.Null => "NULL",
        TaosDataType.Bool => "BOOL",
        TaosDataType.TinyInt => "TINYINT",
        TaosDataType.SmallInt => "SMALLINT",
        TaosDataType.Int => "INT",
        TaosDataType.BigInt => "BIGINT",
        TaosDataType.Float => "FLOAT",
        TaosDataType.Double => "DOUBLE",
        TaosDataType.VarChar => "VARCHAR",
        TaosDataType.Timestamp => "TIMESTAMP",
        TaosDataType.NChar => "NCHAR",
        TaosDataType.UTinyInt => "TINYINT UNSIGNED",
        TaosDataType.USmallInt => "SMALLINT UNSIGNED",
        TaosDataType.UInt => "INT UNSIGNED",
        TaosDataType.UBigInt => "BIGINT UNSIGNED",
        TaosDataType.Json => "JSON",
        TaosDataType.VarBinary => "VARBINARY",
        TaosDataType.Decimal => "DECIMAL",
        TaosDataType.Blob => "BLOB",
        TaosDataType.MediumBlob => "MEDIUMBLOB",
        TaosDataType.Geometry => "GEOMETRY",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads a type name from <c>column_meta</c> (BINARY is accepted as VARCHAR).</summary>
    public static bool TryParseName(string name, out TaosDataType type)
    {
        switch (name.ToUpperInvariant())
        {
            case "NULL": type = TaosDataType.Null; return true;
            case "BOOL": type = TaosDataType.Bool; return true;
            case "TINYINT": type = TaosDataType.TinyInt; return true;
            case "SMALLINT": type = TaosDataType.SmallInt; return true;
            case "INT": type = TaosDataType.Int; return true;
            case "BIGINT": type = TaosDataType.BigInt; return true;
            case "FLOAT": type = TaosDataType.Float; return true;
            case "DOUBLE": type = TaosDataType.Double; return true;
            case "VARCHAR" or "BINARY": type = TaosDataType.VarChar; return true;
            case "TIMESTAMP": type = TaosDataType.Timestamp; return true;
            case "NCHAR": type = TaosDataType.NChar; return true;
            case "TINYINT UNSIGNED": type = TaosDataType.UTinyInt; return true;
            case "SMALLINT UNSIGNED": type = TaosDataType.USmallInt; return true;
            case "INT UNSIGNED": type = TaosDataType.UInt; return true;
            case "BIGINT UNSIGNED": type = TaosDataType.UBigInt; return true;
            case "JSON": type = TaosDataType.Json; return true;
            case "VARBINARY": type = TaosDataType.VarBinary; return true;
            case "DECIMAL": type = TaosDataType.Decimal; return true;
            case "BLOB": type = TaosDataType.Blob; return true;
            case "MEDIUMBLOB": type = TaosDataType.MediumBlob; return true;
            case "GEOMETRY": type = TaosDataType.Geometry; return true;
            default: type = default; return false;
        }
    }

    /// <summary>The byte size of a fixed-size type, or null for variable-length types.</summary>
    public static int? FixedSize(TaosDataType type) => type switch
    {
        TaosDataType.Bool or TaosDataType.TinyInt or TaosDataType.UTinyInt => 1,
        TaosDataType.SmallInt or TaosDataType.USmallInt => 2,
        TaosDataType.Int or TaosDataType.UInt or TaosDataType.Float => 4,
        TaosDataType.BigInt or TaosDataType.UBigInt or TaosDataType.Double or TaosDataType.Timestamp => 8,
        TaosDataType.Json => 4095,
        _ => null,
    };

    /// <summary>True for types whose length is declared: VARCHAR, NCHAR, VARBINARY, GEOMETRY.</summary>
    public static bool IsVariableLength(TaosDataType type) =>
        type is TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.VarBinary or TaosDataType.Geometry;

    /// <summary>True for the integer types, signed and unsigned.</summary>
    public static bool IsInteger(TaosDataType type) => type is
        TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int or TaosDataType.BigInt or
        TaosDataType.UTinyInt or TaosDataType.USmallInt or TaosDataType.UInt or TaosDataType.UBigInt;

    /// <summary>True for the unsigned integer types.</summary>
    public static bool IsUnsigned(TaosDataType type) => type is
        TaosDataType.UTinyInt or TaosDataType.USmallInt or TaosDataType.UInt or TaosDataType.UBigInt;

    /// <summary>True for the numeric types (integers, FLOAT, DOUBLE).</summary>
    public static bool IsNumeric(TaosDataType type) =>
        IsInteger(type) || type is TaosDataType.Float or TaosDataType.Double;

    /// <summary>The .NET type a value of this TDengine type is read as.</summary>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public static Type ClrType(TaosDataType type) => type switch
    {
        TaosDataType.Bool => typeof(bool),
        TaosDataType.TinyInt => typeof(sbyte),
        TaosDataType.SmallInt => typeof(short),
        TaosDataType.Int => typeof(int),
        TaosDataType.BigInt => typeof(long),
        TaosDataType.UTinyInt => typeof(byte),
        TaosDataType.USmallInt => typeof(ushort),
        TaosDataType.UInt => typeof(uint),
        TaosDataType.UBigInt => typeof(ulong),
        TaosDataType.Float => typeof(float),
        TaosDataType.Double => typeof(double),
        TaosDataType.Timestamp => typeof(DateTime),
        TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Blob or TaosDataType.MediumBlob => typeof(byte[]),
        _ => typeof(string),
    };
}
