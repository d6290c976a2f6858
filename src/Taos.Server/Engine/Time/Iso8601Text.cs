using System.Globalization;

namespace Taos.Server.Engine.Time;

/// <summary>
/// The text TO_ISO8601 writes, with TDengine 3.3.0.1's reading of its argument: the precision comes from how many
/// characters the number has when written in decimal (its sign included), not from the database. Up to 10
/// characters it is whole seconds; 13, 16 and 19 characters are milli-, micro- and nanoseconds whose fraction is
/// the text after the 10th character; any other length has no answer (NULL).
/// </summary>
internal static class Iso8601Text
{
    private const int SecondDigits = 10;

    /// <summary>TO_ISO8601(value): local time in <paramref name="zone"/>, suffixed with its offset as <c>+hhmm</c>.</summary>
    public static string? Format(long value, TimeZoneInfo zone)
    {
        if (!TrySplit(value, out long seconds, out string fraction)) return null;
        var offset = zone.GetUtcOffset(DateTime.UnixEpoch.AddSeconds(seconds));
        return Compose(seconds, fraction, offset, TimeZones.OffsetText(offset));
    }

    /// <summary>TO_ISO8601(value, zone): local time at <paramref name="offset"/>, suffixed with the zone text as given.</summary>
    public static string? Format(long value, TimeSpan offset, string zoneText)
    {
        if (!TrySplit(value, out long seconds, out string fraction)) return null;
        return Compose(seconds, fraction, offset, zoneText);
    }

    private static bool TrySplit(long value, out long seconds, out string fraction)
    {
        string digits = value.ToString(CultureInfo.InvariantCulture);
        seconds = value;
        fraction = "";
        if (digits.Length <= SecondDigits) return true;
        long perSecond = digits.Length switch { 13 => 1_000L, 16 => 1_000_000L, 19 => 1_000_000_000L, _ => 0 };
        if (perSecond == 0) return false;
        // C division: toward zero, as TDengine's own.
        seconds = value / perSecond;
        fraction = "." + digits[SecondDigits..];
        return true;
    }

    private static string Compose(long seconds, string fraction, TimeSpan offset, string zoneText)
    {
        var local = DateTime.UnixEpoch.AddSeconds(seconds) + offset;
        return local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + fraction + zoneText;
    }
}
