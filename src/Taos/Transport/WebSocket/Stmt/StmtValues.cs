using System.Globalization;
using Taos.Protocol;
using Taos.Protocol.RawBlock;

namespace Taos.Transport.WebSocket.Stmt;

/// <summary>
/// Converts .NET values into a <see cref="BindColumn"/> of a TDengine type, as stmt binds them: null and
/// <see cref="DBNull"/> are NULL; integers of any .NET integer type (range-checked); FLOAT/DOUBLE from floating or
/// integer values; BOOL from <see cref="bool"/>; TIMESTAMP from <see cref="TaosTimestamp"/>, <see cref="DateTime"/>
/// (an unspecified one in the connection's time zone, else UTC), <see cref="DateTimeOffset"/> or a <see cref="long"/>
/// count in the table's precision; VARCHAR/NCHAR/JSON from <see cref="string"/> or <see cref="char"/>;
/// VARBINARY/GEOMETRY from <see cref="byte"/>[] or <see cref="ReadOnlyMemory{T}"/>.
/// </summary>
internal static class StmtValues
{
    /// <summary>Appends <paramref name="value"/> to <paramref name="column"/>.</summary>
    /// <exception cref="InvalidCastException">The value cannot be a value of the column's type.</exception>
    /// <exception cref="OverflowException">The value is out of the type's range.</exception>
    /// <exception cref="ArgumentException">A text or binary value is longer than the column, or a timestamp has digits below the precision.</exception>
    public static void Append(BindColumn column, object? value, TaosPrecision precision, TimeZoneInfo? zone)
    {
        if (value is null or DBNull)
        {
            column.AppendNull();
            return;
        }
        switch (column.Type)
        {
            case TaosDataType.Bool: column.Append8(value is bool b ? (b ? (byte)1 : (byte)0) : throw Mismatch(value, column.Type)); break;
            case TaosDataType.TinyInt: column.Append8(unchecked((byte)checked((sbyte)Integer(value, column.Type)))); break;
            case TaosDataType.UTinyInt: column.Append8(checked((byte)UnsignedInteger(value, column.Type))); break;
            case TaosDataType.SmallInt: column.Append16(unchecked((ushort)checked((short)Integer(value, column.Type)))); break;
            case TaosDataType.USmallInt: column.Append16(checked((ushort)UnsignedInteger(value, column.Type))); break;
            case TaosDataType.Int: column.Append32(unchecked((uint)checked((int)Integer(value, column.Type)))); break;
            case TaosDataType.UInt: column.Append32(checked((uint)UnsignedInteger(value, column.Type))); break;
            case TaosDataType.BigInt: column.Append64(unchecked((ulong)Integer(value, column.Type))); break;
            case TaosDataType.UBigInt: column.Append64(UnsignedInteger(value, column.Type)); break;
            case TaosDataType.Float: column.Append32(BitConverter.SingleToUInt32Bits(Single(value))); break;
            case TaosDataType.Double: column.Append64(BitConverter.DoubleToUInt64Bits(Double(value))); break;
            case TaosDataType.Timestamp: column.Append64(unchecked((ulong)Ticks(value, precision, zone))); break;
            case TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json: AppendText(column, value); break;
            default:
                column.AppendBytes(value switch
                {
                    byte[] bytes => bytes,
                    ReadOnlyMemory<byte> memory => memory.Span,
                    _ => throw Mismatch(value, column.Type),
                });
                break;
        }
    }

    private static void AppendText(BindColumn column, object value)
    {
        if (value is string text) column.AppendString(text);
        else if (value is char c) column.AppendString(new ReadOnlySpan<char>(in c));
        else throw Mismatch(value, column.Type);
    }

    /// <summary>
    /// The type a query parameter is bound as, from its .NET type: the integer types, FLOAT, DOUBLE, BOOL, VARCHAR
    /// for text, VARBINARY for bytes — and timestamps as VARCHAR RFC 3339 text (3.3.0.1 refuses TIMESTAMP parameters
    /// of a query; TDengine compares a timestamp column with such text exactly).
    /// </summary>
    /// <exception cref="InvalidCastException">The value has no TDengine counterpart.</exception>
    public static (TaosDataType Type, object? Value) ForQuery(object? value, TimeZoneInfo? zone) => value switch
    {
        null or DBNull => (TaosDataType.VarChar, null),
        bool => (TaosDataType.Bool, value),
        sbyte => (TaosDataType.TinyInt, value),
        byte => (TaosDataType.UTinyInt, value),
        short => (TaosDataType.SmallInt, value),
        ushort => (TaosDataType.USmallInt, value),
        int => (TaosDataType.Int, value),
        uint => (TaosDataType.UInt, value),
        long => (TaosDataType.BigInt, value),
        ulong => (TaosDataType.UBigInt, value),
        float => (TaosDataType.Float, value),
        double => (TaosDataType.Double, value),
        decimal d => (TaosDataType.Double, (double)d),
        string or char => (TaosDataType.VarChar, value),
        byte[] or ReadOnlyMemory<byte> => (TaosDataType.VarBinary, value),
        TaosTimestamp ts => (TaosDataType.VarChar, ts.ToSqlLiteral()),
        DateTime dt => (TaosDataType.VarChar, ((TaosTimestamp)ToUtc(dt, zone)).ToSqlLiteral()),
        DateTimeOffset dto => (TaosDataType.VarChar, ((TaosTimestamp)dto.UtcDateTime).ToSqlLiteral()),
        Enum e => ForQuery(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), zone),
        _ => throw new InvalidCastException($"a {value.GetType().Name} parameter has no TDengine type"),
    };

    /// <summary>The count of <paramref name="precision"/> ticks since the epoch of a timestamp value.</summary>
    /// <exception cref="InvalidCastException">The value is not a timestamp.</exception>
    /// <exception cref="ArgumentException">The value has digits below <paramref name="precision"/>.</exception>
    public static long Ticks(object value, TaosPrecision precision, TimeZoneInfo? zone) => value switch
    {
        TaosTimestamp ts => TicksOf(ts, precision),
        DateTime dt => TaosTimestamp.FromDateTime(ToUtc(dt, zone), precision).EpochTicks,
        DateTimeOffset dto => TaosTimestamp.FromDateTimeOffset(dto, precision).EpochTicks,
        long n => n,
        int n => n,
        string s => TicksOf(TaosTimestamp.Parse(s), precision),
        _ => throw Mismatch(value, TaosDataType.Timestamp),
    };

    /// <summary>An instant in <paramref name="precision"/> ticks; an <see cref="ArgumentException"/> when it has finer digits.</summary>
    public static long TicksOf(TaosTimestamp value, TaosPrecision precision)
    {
        if (value.Precision == precision) return value.EpochTicks;
        long perTick = PrecisionTicks.NanosecondsPerTick(precision);
        var nanoseconds = value.EpochNanoseconds;
        if (nanoseconds % perTick != 0)
        {
            throw new ArgumentException($"the timestamp {value} has digits below the table's precision ({precision})");
        }
        return checked((long)(nanoseconds / perTick));
    }

    /// <summary>A <see cref="DateTime"/> as UTC: an unspecified one is taken in <paramref name="zone"/> (UTC when null).</summary>
    public static DateTime ToUtc(DateTime value, TimeZoneInfo? zone) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ when zone is not null => TimeZoneInfo.ConvertTimeToUtc(value, zone),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static long Integer(object value, TaosDataType type) => value switch
    {
        int n => n,
        long n => n,
        short n => n,
        sbyte n => n,
        byte n => n,
        ushort n => n,
        uint n => n,
        ulong n => checked((long)n),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        _ => throw Mismatch(value, type),
    };

    private static ulong UnsignedInteger(object value, TaosDataType type) => value switch
    {
        ulong n => n,
        byte or ushort or uint => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
        int or long or short or sbyte => checked((ulong)Integer(value, type)),
        _ => throw Mismatch(value, type),
    };

    private static float Single(object value) => value switch
    {
        float f => f,
        double d => double.IsFinite(d) && Math.Abs(d) > float.MaxValue ? throw new OverflowException($"{d} is out of the range of FLOAT") : (float)d,
        decimal m => (float)m,
        _ => Integer(value, TaosDataType.Float),
    };

    private static double Double(object value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => Integer(value, TaosDataType.Double),
    };

    private static InvalidCastException Mismatch(object value, TaosDataType type) =>
        new($"a {value.GetType().Name} is not a value of a {TaosTypes.Name(type)} column");
}
