namespace Taos;

/// <summary>The timestamp precision of a TDengine database.</summary>
public enum TaosPrecision
{
    /// <summary>Milliseconds (<c>PRECISION 'ms'</c>, the default).</summary>
    Milliseconds = 0,
    /// <summary>Microseconds (<c>PRECISION 'us'</c>).</summary>
    Microseconds = 1,
    /// <summary>Nanoseconds (<c>PRECISION 'ns'</c>).</summary>
    Nanoseconds = 2,
}
