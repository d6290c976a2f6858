namespace Taos;

/// <summary>
/// TDengine's column types, numbered with the type codes TDengine uses on the wire
/// (the raw block and the WebSocket protocol).
/// </summary>
public enum TaosDataType
{
    /// <summary>No type: the type of a bare <c>NULL</c> literal.</summary>
    Null = 0,
    /// <summary><c>BOOL</c>.</summary>
    Bool = 1,
    /// <summary><c>TINYINT</c>, 8-bit signed.</summary>
    TinyInt = 2,
    /// <summary><c>SMALLINT</c>, 16-bit signed.</summary>
    SmallInt = 3,
    /// <summary><c>INT</c>, 32-bit signed.</summary>
    Int = 4,
    /// <summary><c>BIGINT</c>, 64-bit signed.</summary>
    BigInt = 5,
    /// <summary><c>FLOAT</c>, 32-bit IEEE 754.</summary>
    Float = 6,
    /// <summary><c>DOUBLE</c>, 64-bit IEEE 754.</summary>
    Double = 7,
    /// <summary><c>VARCHAR</c> (alias <c>BINARY</c>): UTF-8 text limited in bytes.</summary>
    VarChar = 8,
    /// <summary><c>TIMESTAMP</c>: ticks since the Unix epoch in the database precision.</summary>
    Timestamp = 9,
    /// <summary><c>NCHAR</c>: Unicode text limited in characters.</summary>
    NChar = 10,
    /// <summary><c>TINYINT UNSIGNED</c>.</summary>
    UTinyInt = 11,
    /// <summary><c>SMALLINT UNSIGNED</c>.</summary>
    USmallInt = 12,
    /// <summary><c>INT UNSIGNED</c>.</summary>
    UInt = 13,
    /// <summary><c>BIGINT UNSIGNED</c>.</summary>
    UBigInt = 14,
    /// <summary><c>JSON</c>: a tag holding one flat JSON object.</summary>
    Json = 15,
    /// <summary><c>VARBINARY</c>: bytes.</summary>
    VarBinary = 16,
    /// <summary><c>DECIMAL</c> (not supported by TDengine 3.3).</summary>
    Decimal = 17,
    /// <summary><c>BLOB</c> (reserved).</summary>
    Blob = 18,
    /// <summary><c>MEDIUMBLOB</c> (reserved).</summary>
    MediumBlob = 19,
    /// <summary><c>GEOMETRY</c>: well-known binary (WKB) bytes.</summary>
    Geometry = 20,
}
