using System.Globalization;
using System.Text;

namespace Taos.Schemaless;

/// <summary>
/// One point of InfluxDB line protocol, built fluently:
/// <c>TaosPoint.Measurement("meters").Tag("location", "x").Field("current", 10.3).Timestamp(ts)</c>. TDengine makes
/// the measurement a super table, the tags its (NCHAR) tags, and each field a column whose type the value's suffix
/// gives: <c>i64</c>, <c>i32</c>, <c>i16</c>, <c>i8</c>, <c>u64</c>, <c>u32</c>, <c>u16</c>, <c>u8</c>, <c>f64</c>,
/// <c>f32</c>, <c>true</c>/<c>false</c>, <c>"…"</c> (VARCHAR), <c>L"…"</c> (NCHAR), <c>b"\x…"</c> (VARBINARY).
/// Names and values are escaped as the line protocol defines; a value the protocol cannot carry (a newline, NaN, a
/// name, tag value or string ending with a backslash) is refused with an <see cref="ArgumentException"/> when it is added.
/// A point is not thread-safe while it is built; once handed to a writer it must not be changed.
/// </summary>
public sealed class TaosPoint
{
    private readonly StringBuilder _tags = new();
    private readonly StringBuilder _fields = new();
    private readonly string _measurement;
    private TimestampKind _kind;
    private long _timestamp;

    private enum TimestampKind { None, Raw, Nanoseconds }

    private TaosPoint(string measurement)
    {
        var sb = new StringBuilder(measurement.Length + 4);
        LineProtocolText.AppendMeasurement(sb, measurement);
        _measurement = sb.ToString();
    }

    /// <summary>Starts a point of measurement (super table) <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, starts with <c>#</c>, holds a newline or ends with a backslash.</exception>
    public static TaosPoint Measurement(string name) => new(name);

    /// <summary>Adds a tag (TDengine stores tags of schemaless data as NCHAR).</summary>
    /// <exception cref="ArgumentException">The key or value is empty, holds a newline or ends with a backslash.</exception>
    public TaosPoint Tag(string key, string value)
    {
        int mark = _tags.Length;
        try
        {
            _tags.Append(',');
            LineProtocolText.AppendKey(_tags, key, nameof(key));
            _tags.Append('=');
            LineProtocolText.AppendKey(_tags, value, nameof(value));
        }
        catch
        {
            _tags.Length = mark;
            throw;
        }
        return this;
    }

    /// <summary>Adds a DOUBLE field (<c>f64</c>).</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public TaosPoint Field(string key, double value) => Add(key, value, static (sb, v) =>
    {
        LineProtocolText.AppendFloat(sb, v, nameof(value));
        sb.Append("f64");
    });

    /// <summary>Adds a FLOAT field (<c>f32</c>).</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public TaosPoint Field(string key, float value) => Add(key, value, static (sb, v) =>
    {
        if (!float.IsFinite(v)) throw new ArgumentException(SchemalessStrings.NotFinite(nameof(value)), nameof(value));
        sb.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append("f32");
    });

    /// <summary>Adds a BIGINT field (<c>i64</c>).</summary>
    public TaosPoint Field(string key, long value) => Integer(key, value, "i64");

    /// <summary>Adds an INT field (<c>i32</c>).</summary>
    public TaosPoint Field(string key, int value) => Integer(key, value, "i32");

    /// <summary>Adds a SMALLINT field (<c>i16</c>).</summary>
    public TaosPoint Field(string key, short value) => Integer(key, value, "i16");

    /// <summary>Adds a TINYINT field (<c>i8</c>).</summary>
    public TaosPoint Field(string key, sbyte value) => Integer(key, value, "i8");

    /// <summary>Adds a BIGINT UNSIGNED field (<c>u64</c>).</summary>
    public TaosPoint Field(string key, ulong value) =>
        Add(key, value, static (sb, v) => sb.Append(v.ToString(CultureInfo.InvariantCulture)).Append("u64"));

    /// <summary>Adds an INT UNSIGNED field (<c>u32</c>).</summary>
    public TaosPoint Field(string key, uint value) => Integer(key, value, "u32");

    /// <summary>Adds a SMALLINT UNSIGNED field (<c>u16</c>).</summary>
    public TaosPoint Field(string key, ushort value) => Integer(key, value, "u16");

    /// <summary>Adds a TINYINT UNSIGNED field (<c>u8</c>).</summary>
    public TaosPoint Field(string key, byte value) => Integer(key, value, "u8");

    /// <summary>Adds a BOOL field.</summary>
    public TaosPoint Field(string key, bool value) => Add(key, value, static (sb, v) => sb.Append(v ? "true" : "false"));

    /// <summary>Adds a VARCHAR (BINARY) field: <c>"…"</c>.</summary>
    /// <exception cref="ArgumentException">The value holds a newline.</exception>
    public TaosPoint Field(string key, string value) =>
        Add(key, value, static (sb, v) => LineProtocolText.AppendQuoted(sb, "", v, nameof(value)));

    /// <summary>Adds a VARBINARY field: <c>b"\x…"</c>.</summary>
    public TaosPoint Field(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Add(key, value, static (sb, v) => sb.Append("b\"\\x").Append(Convert.ToHexString(v)).Append('"'));
    }

    /// <summary>Adds an NCHAR field: <c>L"…"</c>.</summary>
    /// <exception cref="ArgumentException">The value holds a newline.</exception>
    public TaosPoint NCharField(string key, string value) =>
        Add(key, value, static (sb, v) => LineProtocolText.AppendQuoted(sb, "L", v, nameof(value)));

    /// <summary>
    /// Sets the timestamp as a number in the unit of the precision the point is written with (the writer's
    /// <see cref="TaosPointWriterOptions.Precision"/>). Without a timestamp the server stamps the point when it writes it.
    /// </summary>
    public TaosPoint Timestamp(long value)
    {
        (_kind, _timestamp) = (TimestampKind.Raw, value);
        return this;
    }

    /// <summary>Sets the timestamp (an unspecified kind is taken as UTC), converted to the unit of the precision the point is written with.</summary>
    public TaosPoint Timestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        (_kind, _timestamp) = (TimestampKind.Nanoseconds, (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100);
        return this;
    }

    /// <summary>Sets the timestamp, converted to the unit of the precision the point is written with.</summary>
    public TaosPoint Timestamp(DateTimeOffset value) => Timestamp(value.UtcDateTime);

    /// <summary>Sets the timestamp exactly (nanoseconds included), converted to the unit of the precision the point is written with.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is outside the nanosecond range of a 64-bit number (1677-2262).</exception>
    public TaosPoint Timestamp(TaosTimestamp value)
    {
        var ns = value.EpochNanoseconds;
        if (ns < long.MinValue || ns > long.MaxValue) throw new ArgumentOutOfRangeException(nameof(value), value, null);
        (_kind, _timestamp) = (TimestampKind.Nanoseconds, (long)ns);
        return this;
    }

    /// <summary>True once the point has a field (a line needs one).</summary>
    internal bool HasFields => _fields.Length > 0;

    /// <summary>This point as one line of line protocol, its timestamp in the unit of <paramref name="precision"/>.</summary>
    /// <exception cref="InvalidOperationException">The point has no field.</exception>
    public string ToLineProtocol(TaosSchemalessPrecision precision)
    {
        var sb = new StringBuilder();
        AppendTo(sb, precision);
        return sb.ToString();
    }

    /// <summary>This point as line protocol with a nanosecond timestamp.</summary>
    public override string ToString() => ToLineProtocol(TaosSchemalessPrecision.Nanoseconds);

    /// <summary>Appends the line (without its newline).</summary>
    /// <exception cref="InvalidOperationException">The point has no field.</exception>
    internal void AppendTo(StringBuilder sb, TaosSchemalessPrecision precision)
    {
        if (_fields.Length == 0) throw new InvalidOperationException(SchemalessStrings.NoFields);
        sb.Append(_measurement).Append(_tags).Append(' ').Append(_fields);
        if (_kind == TimestampKind.None) return;
        long value = _kind == TimestampKind.Raw ? _timestamp : long.DivRem(_timestamp, NanosecondsPer(precision)) switch
        {
            var (q, r) when r < 0 => q - 1,
            var (q, _) => q,
        };
        sb.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static long NanosecondsPer(TaosSchemalessPrecision precision) => precision switch
    {
        TaosSchemalessPrecision.Hours => 3_600_000_000_000,
        TaosSchemalessPrecision.Minutes => 60_000_000_000,
        TaosSchemalessPrecision.Seconds => 1_000_000_000,
        TaosSchemalessPrecision.Milliseconds => 1_000_000,
        TaosSchemalessPrecision.Microseconds => 1_000,
        _ => 1,
    };

    private TaosPoint Integer(string key, long value, string suffix) =>
        Add(key, (value, suffix), static (sb, v) => sb.Append(v.value.ToString(CultureInfo.InvariantCulture)).Append(v.suffix));

    // Appends "key=value" (after a comma from the second field on); on a refused key or value the point stays as it was.
    private TaosPoint Add<T>(string key, T value, Action<StringBuilder, T> append)
    {
        int mark = _fields.Length;
        try
        {
            if (mark > 0) _fields.Append(',');
            LineProtocolText.AppendKey(_fields, key, nameof(key));
            _fields.Append('=');
            append(_fields, value);
        }
        catch
        {
            _fields.Length = mark;
            throw;
        }
        return this;
    }
}
