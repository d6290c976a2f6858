using System.Globalization;

namespace Taos.Server.Engine.Schemaless;

/// <summary>What the two OpenTSDB protocols share: the value column's name and how a timestamp's unit is found.</summary>
internal static class OpenTsdbTime
{
    /// <summary>The column an OpenTSDB point's value goes to.</summary>
    public const string ValueColumn = "_value";

    /// <summary>
    /// A UTF-8 timestamp in <paramref name="unit"/>; when no unit was configured, 10 digits are seconds and 13 milliseconds
    /// (clientSml's rule); 0 is the time of the write.
    /// </summary>
    public static SmlTimestamp Parse(ReadOnlySpan<byte> text, SmlTimeUnit unit)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw SmlErrors.Data(SmlErrors.InvalidData, "invalid timestamp", SmlText.Quote(text));
        return Of(value, unit);
    }

    /// <summary>See <see cref="Parse"/>.</summary>
    public static SmlTimestamp Of(long value, SmlTimeUnit unit)
    {
        if (value == 0) return new SmlTimestamp(0, SmlTimeUnit.Nanoseconds);
        if (unit != SmlTimeUnit.NotConfigured) return new SmlTimestamp(value, unit);
        int digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
        return digits switch
        {
            10 => new SmlTimestamp(value, SmlTimeUnit.Seconds),
            13 => new SmlTimestamp(value, SmlTimeUnit.Milliseconds),
            _ => throw SmlErrors.Data(SmlErrors.InvalidData, "timestamp precision can only be seconds(10 digits) or milli seconds(13 digits)", null),
        };
    }
}
