namespace Taos.Server.Engine.Binding;

/// <summary>
/// The primary-timestamp bounds WHERE implies (inclusive); <see cref="HasLower"/>/<see cref="HasUpper"/> say
/// whether WHERE gave them at all (FILL needs both). Empty when <see cref="Min"/> &gt; <see cref="Max"/>.
/// </summary>
internal sealed record TimeRange(long Min, long Max, bool HasLower, bool HasUpper)
{
    public static TimeRange All { get; } = new(long.MinValue, long.MaxValue, false, false);

    public bool IsEmpty => Min > Max;

    /// <summary>This range narrowed to ticks ≥ <paramref name="t"/>.</summary>
    public TimeRange AtLeast(long t) => this with { Min = Math.Max(Min, t), HasLower = true };

    /// <summary>This range narrowed to ticks ≤ <paramref name="t"/>.</summary>
    public TimeRange AtMost(long t) => this with { Max = Math.Min(Max, t), HasUpper = true };
}
