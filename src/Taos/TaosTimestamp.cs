using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Taos.Protocol;

namespace Taos;

/// <summary>
/// A TDengine TIMESTAMP value exactly as stored: ticks since the Unix epoch (UTC) in the precision of its database.
/// </summary>
/// <remarks>
/// <see cref="DateTime"/> resolves 100 ns, so it can hold every millisecond and microsecond timestamp but not every
/// nanosecond one. <see cref="TaosTimestamp"/> keeps nanoseconds exact. The conversions to <see cref="DateTime"/> and
/// <see cref="DateTimeOffset"/> never drop digits silently: <see cref="ToDateTime"/> and <see cref="ToDateTimeOffset(TimeSpan)"/>
/// throw <see cref="InvalidCastException"/> when the value is not a multiple of 100 ns; <see cref="TruncateToDateTime"/>
/// is the explicit, lossy alternative (it rounds toward negative infinity).
/// </remarks>
public readonly struct TaosTimestamp : IEquatable<TaosTimestamp>, IComparable<TaosTimestamp>, IComparable
{
    /// <summary>Creates a timestamp from epoch ticks in <paramref name="precision"/>.</summary>
    /// <param name="epochTicks">Ticks since 1970-01-01T00:00:00Z: milliseconds, microseconds or nanoseconds.</param>
    /// <param name="precision">The unit of <paramref name="epochTicks"/>.</param>
    public TaosTimestamp(long epochTicks, TaosPrecision precision)
    {
        if (precision is not (TaosPrecision.Milliseconds or TaosPrecision.Microseconds or TaosPrecision.Nanoseconds))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, TaosStrings.UnknownPrecision);
        }
        EpochTicks = epochTicks;
        Precision = precision;
    }

    /// <summary>Ticks since the Unix epoch in <see cref="Precision"/>.</summary>
    public long EpochTicks { get; }

    /// <summary>The unit of <see cref="EpochTicks"/>.</summary>
    public TaosPrecision Precision { get; }

    /// <summary>The instant in nanoseconds since the Unix epoch (exact for every precision).</summary>
    public Int128 EpochNanoseconds => (Int128)EpochTicks * PrecisionTicks.NanosecondsPerTick(Precision);

    /// <summary>True when the value converts to <see cref="DateTime"/> without loss (a multiple of 100 ns).</summary>
    public bool IsDateTimeExact => Precision != TaosPrecision.Nanoseconds || EpochTicks % 100 == 0;

    /// <summary>Converts to a UTC <see cref="DateTime"/>.</summary>
    /// <exception cref="InvalidCastException">The value has nanoseconds that <see cref="DateTime"/> cannot hold.</exception>
    public DateTime ToDateTime() => UtcDateTime(EpochTicks, Precision);

    /// <summary>
    /// <see cref="ToDateTime()"/> of the timestamp <paramref name="epochTicks"/> in <paramref name="precision"/>: one
    /// multiplication (or division) and no overflow check for every value <see cref="DateTime"/> holds, the general,
    /// checked path for the rest (which throws as <see cref="ToDateTime()"/> does).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static DateTime UtcDateTime(long epochTicks, TaosPrecision precision)
    {
        // Unsigned compares: one test per range. In range, the product and the sum stay inside DateTime's ticks.
        if (precision == TaosPrecision.Milliseconds && unchecked((ulong)(epochTicks - MinMilliseconds)) <= MaxMilliseconds - MinMilliseconds)
        {
            return new DateTime(UnixEpochTicks + (epochTicks * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
        if (precision == TaosPrecision.Microseconds && unchecked((ulong)(epochTicks - MinMicroseconds)) <= MaxMicroseconds - MinMicroseconds)
        {
            return new DateTime(UnixEpochTicks + (epochTicks * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
        }
        // Every long of nanoseconds (years 1677 to 2262) is inside DateTime's range.
        if (precision == TaosPrecision.Nanoseconds && epochTicks % 100 == 0)
        {
            return new DateTime(UnixEpochTicks + (epochTicks / 100), DateTimeKind.Utc);
        }
        return CheckedDateTime(epochTicks, precision);
    }

    // The general path: checks the precision, the nanoseconds and the range (and throws for them).
    private static DateTime CheckedDateTime(long epochTicks, TaosPrecision precision)
    {
        var value = new TaosTimestamp(epochTicks, precision);
        if (!value.IsDateTimeExact)
        {
            throw new InvalidCastException(TaosStrings.NanosecondsLost(value));
        }
        return value.TruncateToDateTime();
    }

    /// <summary>
    /// Converts to a UTC <see cref="DateTime"/>, dropping the nanoseconds below 100 ns (rounding toward negative infinity).
    /// </summary>
    public DateTime TruncateToDateTime()
    {
        long dotnetTicks = Precision switch
        {
            TaosPrecision.Milliseconds => checked(EpochTicks * TimeSpan.TicksPerMillisecond),
            TaosPrecision.Microseconds => checked(EpochTicks * 10),
            _ => Math.DivRem(EpochTicks, 100, out long rem) - (rem < 0 ? 1 : 0),
        };
        return new DateTime(checked(DateTime.UnixEpoch.Ticks + dotnetTicks), DateTimeKind.Utc);
    }

    /// <summary>Converts to a <see cref="DateTimeOffset"/> at offset zero (UTC).</summary>
    /// <exception cref="InvalidCastException">The value has nanoseconds that <see cref="DateTimeOffset"/> cannot hold.</exception>
    public DateTimeOffset ToDateTimeOffset() => new(ToDateTime());

    /// <summary>Converts to a <see cref="DateTimeOffset"/> with the given offset from UTC.</summary>
    /// <exception cref="InvalidCastException">The value has nanoseconds that <see cref="DateTimeOffset"/> cannot hold.</exception>
    public DateTimeOffset ToDateTimeOffset(TimeSpan offset) => new DateTimeOffset(ToDateTime()).ToOffset(offset);

    /// <summary>Creates a timestamp of <paramref name="precision"/> from a <see cref="DateTime"/> (local times are converted to UTC, unspecified ones are taken as UTC).</summary>
    /// <exception cref="ArgumentException">The value has digits below <paramref name="precision"/>.</exception>
    public static TaosTimestamp FromDateTime(DateTime value, TaosPrecision precision)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        long dotnetTicks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        long ticks = precision switch
        {
            TaosPrecision.Milliseconds => DivideExact(dotnetTicks, TimeSpan.TicksPerMillisecond, value),
            TaosPrecision.Microseconds => DivideExact(dotnetTicks, 10, value),
            TaosPrecision.Nanoseconds => checked(dotnetTicks * 100),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, TaosStrings.UnknownPrecision),
        };
        return new TaosTimestamp(ticks, precision);
    }

    /// <summary>Creates a timestamp of <paramref name="precision"/> from a <see cref="DateTimeOffset"/>.</summary>
    /// <exception cref="ArgumentException">The value has digits below <paramref name="precision"/>.</exception>
    public static TaosTimestamp FromDateTimeOffset(DateTimeOffset value, TaosPrecision precision) => FromDateTime(value.UtcDateTime, precision);

    /// <summary>
    /// Converts to a UTC <see cref="DateTime"/> (as <see cref="ToDateTime"/>); lets mappers such as Dapper fill a
    /// <see cref="DateTime"/> property from a nanosecond column.
    /// </summary>
    /// <exception cref="InvalidCastException">The value has nanoseconds that <see cref="DateTime"/> cannot hold.</exception>
    public static explicit operator DateTime(TaosTimestamp value) => value.ToDateTime();

    /// <summary>
    /// Converts a <see cref="DateTime"/> exactly, in the coarsest precision that holds it (milliseconds, microseconds,
    /// else nanoseconds); lets mappers such as Dapper fill a <see cref="TaosTimestamp"/> property from a millisecond or
    /// microsecond column.
    /// </summary>
    public static explicit operator TaosTimestamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        long ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var precision = ticks % TimeSpan.TicksPerMillisecond == 0 ? TaosPrecision.Milliseconds
            : ticks % 10 == 0 ? TaosPrecision.Microseconds
            : TaosPrecision.Nanoseconds;
        return FromDateTime(utc, precision);
    }

    /// <summary>Parses an RFC 3339 timestamp as TDengine's REST interface writes it (3, 6 or 9 fraction digits select the precision).</summary>
    /// <exception cref="FormatException">The text is not such a timestamp.</exception>
    public static TaosTimestamp Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result) ? result : throw new FormatException(TaosStrings.BadTimestamp(text));
    }

    /// <summary>Tries to parse an RFC 3339 timestamp as TDengine's REST interface writes it.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaosTimestamp result)
    {
        if (text is not null && RestTimestamp.TryParse(text, out long ticks, out var precision, out _))
        {
            result = new TaosTimestamp(ticks, precision);
            return true;
        }
        result = default;
        return false;
    }

    /// <summary>The value as RFC 3339 in UTC with the precision's number of fraction digits, e.g. <c>2024-01-01T00:00:00.123456789Z</c>.</summary>
    public override string ToString() => RestTimestamp.Format(EpochTicks, Precision, null);

    /// <summary>True when both denote the same instant (whatever their precisions).</summary>
    public bool Equals(TaosTimestamp other) => EpochNanoseconds == other.EpochNanoseconds;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TaosTimestamp other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => EpochNanoseconds.GetHashCode();

    /// <summary>Orders by instant.</summary>
    public int CompareTo(TaosTimestamp other) => EpochNanoseconds.CompareTo(other.EpochNanoseconds);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        TaosTimestamp other => CompareTo(other),
        _ => throw new ArgumentException(TaosStrings.NotATimestamp, nameof(obj)),
    };

    /// <summary>Same instant.</summary>
    public static bool operator ==(TaosTimestamp left, TaosTimestamp right) => left.Equals(right);

    /// <summary>Different instants.</summary>
    public static bool operator !=(TaosTimestamp left, TaosTimestamp right) => !left.Equals(right);

    /// <summary>Earlier.</summary>
    public static bool operator <(TaosTimestamp left, TaosTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Later.</summary>
    public static bool operator >(TaosTimestamp left, TaosTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Earlier or the same.</summary>
    public static bool operator <=(TaosTimestamp left, TaosTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Later or the same.</summary>
    public static bool operator >=(TaosTimestamp left, TaosTimestamp right) => left.CompareTo(right) >= 0;

    // DateTime's range in epoch milliseconds and microseconds (0001-01-01 to 9999-12-31T23:59:59.9999999, truncated).
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const long MinMilliseconds = -UnixEpochTicks / TimeSpan.TicksPerMillisecond;
    private const long MaxMilliseconds = (3_155_378_975_999_999_999 - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
    private const long MinMicroseconds = -UnixEpochTicks / TimeSpan.TicksPerMicrosecond;
    private const long MaxMicroseconds = (3_155_378_975_999_999_999 - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    private static long DivideExact(long value, long divisor, DateTime original)
    {
        long quotient = Math.DivRem(value, divisor, out long rem);
        if (rem != 0)
        {
            throw new ArgumentException(TaosStrings.DateTimeTooPrecise(original), nameof(value));
        }
        return quotient;
    }

    internal string ToSqlLiteral()
    {
        // RFC 3339 with Z: TDengine reads the suffix as the zone, so the literal is independent of the server's zone.
        return RestTimestamp.Format(EpochTicks, Precision, null);
    }
}
