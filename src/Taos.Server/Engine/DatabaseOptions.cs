using System.Globalization;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine;

/// <summary>
/// CREATE DATABASE options: range checks with TDengine's 9753 texts, normalized values for storage. KEEP and DURATION
/// are kept in minutes (<c>keep</c> as <c>k0,k1,k2</c>).
/// </summary>
internal static class DatabaseOptions
{
    public const string KeepKey = "keep";
    private const int MinutesPerDay = 1440;
    private const long MillisecondsPerMinute = 60_000;

    public static (TaosPrecision Precision, Dictionary<string, string> Options) Validate(IReadOnlyList<DatabaseOption> options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var precision = TaosPrecision.Milliseconds;
        long? duration = null;
        long[]? keep = null;
        foreach (var option in options)
        {
            string name = option.Name.ToLowerInvariant();
            string value = option.Values.Count > 0 ? Unquote(option.Values[0]) : "";
            switch (name)
            {
                case "precision":
                    if (!Precisions.TryParse(value, out precision)) throw Invalid("Invalid option precision: " + value);
                    result["precision"] = Precisions.Name(precision);
                    break;
                case "keep":
                    keep = Keep(option);
                    break;
                case "duration":
                    duration = Duration(value);
                    break;
                default:
                    Other(result, name, value, option);
                    break;
            }
        }
        Complete(result, precision, duration ?? 10 * MinutesPerDay, keep ?? [3650L * MinutesPerDay, 3650L * MinutesPerDay, 3650L * MinutesPerDay]);
        return (precision, result);
    }

    /// <summary>KEEP k0[,k1[,k2]] in minutes, the missing ones repeating the last.</summary>
    private static long[] Keep(DatabaseOption option)
    {
        if (option.Values.Count is < 1 or > 3) throw Invalid("Invalid option keep");
        var values = option.Values.Select(v => TimeMinutes(Unquote(v), "keep")).ToList();
        foreach (var (v, i) in values.Select((v, i) => (v, i)))
        {
            if (v < MinutesPerDay || v > 365000L * MinutesPerDay)
                throw Invalid($"Invalid option keep{i}: {v} valid range: [{MinutesPerDay}, {365000L * MinutesPerDay}]");
        }
        while (values.Count < 3) values.Add(values[^1]);
        if (values[0] > values[1] || values[1] > values[2])
            throw Invalid("Invalid keep value, should be keep0 <= keep1 <= keep2");
        return values.ToArray();
    }

    /// <summary>DURATION in minutes.</summary>
    private static long Duration(string value)
    {
        long minutes = TimeMinutes(value, "duration");
        if (minutes < 60 || minutes > 3650L * MinutesPerDay)
            throw Invalid($"Invalid option daysPerFile: {minutes} valid range: [60, {3650L * MinutesPerDay}]");
        return minutes;
    }

    /// <summary>Every option but PRECISION, KEEP and DURATION: range-checked where TDengine checks it, else kept as given.</summary>
    private static void Other(Dictionary<string, string> result, string name, string value, DatabaseOption option)
    {
        switch (name)
        {
            case "buffer": Range(result, name, "buffer", value, 3, 16384); break;
            case "cachesize": Range(result, name, "cacheSize", value, 1, 65536); break;
            case "comp": Range(result, name, "compression", value, 0, 2); break;
            case "maxrows": Range(result, name, "maxRowsPerBlock", value, 200, 10000000); break;
            case "minrows": Range(result, name, "minRowsPerBlock", value, 10, 1000000); break;
            case "pages": Range(result, name, "pages", value, 64, int.MaxValue); break;
            case "pagesize": Range(result, name, "pagesize", value, 1, 16384); break;
            case "tsdb_pagesize": Range(result, name, "tsdbPagesize", value, 1, 16384); break;
            case "replica": Range(result, name, "replications", value, 1, 3); break;
            case "vgroups": Range(result, name, "vgroups", value, 1, 1024); break;
            case "wal_fsync_period": Range(result, name, "fsyncPeriod", value, 0, 180000); break;
            case "stt_trigger": Range(result, name, "sstTrigger", value, 1, 16); break;
            case "wal_retention_period": Range(result, name, "walRetentionPeriod", value, -1, int.MaxValue); break;
            case "wal_retention_size": Range(result, name, "walRetentionSize", value, -1, int.MaxValue); break;
            case "keep_time_offset": Range(result, name, "keepTimeOffset", value, 0, 23); break;
            case "table_prefix": Range(result, name, "tablePrefix", value, -128, 127); break;
            case "table_suffix": Range(result, name, "tableSuffix", value, -128, 127); break;
            case "wal_level":
            {
                long v = Integer(value);
                if (v is not (1 or 2)) throw Invalid($"Invalid option walLevel: {v}, only 1, 2 allowed");
                result[name] = v.ToString(CultureInfo.InvariantCulture);
                break;
            }
            case "single_stable":
            {
                long v = Integer(value);
                if (v is not (0 or 1)) throw Invalid($"Invalid option singleStable: {v}, only 0-1 allowed");
                result[name] = v.ToString(CultureInfo.InvariantCulture);
                break;
            }
            case "cachemodel":
            {
                string v = value.ToLowerInvariant();
                if (v is not ("none" or "last_row" or "last_value" or "both")) throw Invalid("Invalid option cacheModel: " + value);
                result[name] = v;
                break;
            }
            default:
                result[name] = string.Join(",", option.Values.Select(Unquote));
                break;
        }
    }

    /// <summary>The checks across options, then DURATION, KEEP and PRECISION in their stored forms.</summary>
    private static void Complete(Dictionary<string, string> result, TaosPrecision precision, long duration, long[] keep)
    {
        // tdef.h TSDB_MAX_KEEP_NS: int64 nanoseconds reach back only ~292 years, so an ns database keeps at most
        // 365 * 292 days (a longer KEEP would put its oldest writable timestamp before the int64 range).
        if (precision == TaosPrecision.Nanoseconds)
        {
            foreach (var (v, i) in keep.Select((v, i) => (v, i)))
            {
                if (v > MaxKeepNanosecondsMinutes)
                    throw Invalid($"Invalid option keep{i}: {v} valid range: [{MinutesPerDay}, {MaxKeepNanosecondsMinutes}]");
            }
        }
        if (keep[0] < 3 * duration) throw Invalid("Invalid duration value, should be keep2 >= keep1 >= keep0 >= 3 * duration");
        result["duration"] = duration.ToString(CultureInfo.InvariantCulture) + "m";
        result[KeepKey] = string.Join(",", keep.Select(k => k.ToString(CultureInfo.InvariantCulture) + "m"));
        result["precision"] = Precisions.Name(precision);
    }

    /// <summary>The retention (keep2) in minutes stored in <paramref name="options"/>.</summary>
    public static long KeepMinutes(IReadOnlyDictionary<string, string> options)
    {
        if (options.TryGetValue(KeepKey, out var keep))
        {
            var last = keep.Split(',')[^1].TrimEnd('m');
            if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out long minutes)) return minutes;
        }
        return 3650L * MinutesPerDay;
    }

    private const long MaxKeepNanosecondsMinutes = 365L * 292 * MinutesPerDay;

    private static TaosServerException Invalid(string message) => new(ServerErrorCode.InvalidOption, message);

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] is '\'' or '"') && s[^1] == s[0] ? s[1..^1] : s;

    private static long Integer(string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw new TaosServerException(ServerErrorCode.SyntaxError, "syntax error near \"" + value + "\"");
        return v;
    }

    private static void Range(Dictionary<string, string> result, string key, string internalName, string value, long min, long max)
    {
        long v = Integer(value);
        if (v < min || v > max) throw Invalid($"Invalid option {internalName}: {v} valid range: [{min}, {max}]");
        result[key] = v.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A KEEP/DURATION value in minutes: bare integer = days, else a duration in m, h or d, read as TDengine's
    /// getDuration reads it (a count whose milliseconds leave the 64-bit range is 9733 <c>Invalid value type</c>).
    /// </summary>
    private static long TimeMinutes(string value, string option)
    {
        if (value.Length == 0) throw Invalid("Invalid option " + option);
        char last = value[^1];
        if (char.IsAsciiDigit(last)) return checked(Integer(value) * MinutesPerDay);
        long n = Integer(value[..^1]);
        if (!DurationUnit.IsAllowed(last, DurationContext.Retention))
            throw Invalid($"Invalid option {option} unit: {last}, only m, h, d allowed");
        return Durations.Ticks(n, last, TaosPrecision.Milliseconds, value) / MillisecondsPerMinute;
    }
}
