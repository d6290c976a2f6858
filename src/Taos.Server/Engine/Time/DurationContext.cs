namespace Taos.Server.Engine.Time;

/// <summary>
/// Where a duration is written, which decides the units TDengine accepts there (see
/// <see cref="DurationUnit.IsAllowed"/>).
/// </summary>
internal enum DurationContext
{
    /// <summary>An expression such as <c>ts + 1d</c>: b … w, and n/y as calendar steps.</summary>
    Expression,

    /// <summary>A timestamp offset in INSERT VALUES (<c>now + 1h</c>): b … w only.</summary>
    Insert,

    /// <summary>INTERVAL's length and offset: every unit.</summary>
    Interval,

    /// <summary>SLIDING: b … w; n/y are 9776.</summary>
    Sliding,

    /// <summary>A database's DURATION and KEEP: m, h and d only.</summary>
    Retention,
}
