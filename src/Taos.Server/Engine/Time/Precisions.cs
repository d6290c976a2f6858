using Taos.Protocol;

namespace Taos.Server.Engine.Time;

/// <summary>A database's timestamp precision: its SQL name and conversion of ticks between precisions.</summary>
internal static class Precisions
{
    /// <summary>Parses <c>'ms'</c>/<c>'us'</c>/<c>'ns'</c> (any case).</summary>
    public static bool TryParse(string text, out TaosPrecision precision)
    {
        switch (text.ToLowerInvariant())
        {
            case "ms": precision = TaosPrecision.Milliseconds; return true;
            case "us": precision = TaosPrecision.Microseconds; return true;
            case "ns": precision = TaosPrecision.Nanoseconds; return true;
            default: precision = default; return false;
        }
    }

    /// <summary>The precision's name as CREATE DATABASE and ins_databases spell it.</summary>
    public static string Name(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Milliseconds => "ms",
        TaosPrecision.Microseconds => "us",
        _ => "ns",
    };

    /// <summary>Converts ticks between precisions (truncating toward negative infinity when coarsening).</summary>
    public static long Convert(long ticks, TaosPrecision from, TaosPrecision to)
    {
        if (from == to) return ticks;
        long f = PrecisionTicks.NanosecondsPerTick(from), t = PrecisionTicks.NanosecondsPerTick(to);
        return f > t ? checked(ticks * (f / t)) : Math.DivRem(ticks, t / f) is var (q, r) && r < 0 ? q - 1 : q;
    }
}
