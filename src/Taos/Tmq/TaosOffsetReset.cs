namespace Taos.Tmq;

/// <summary>Where a consumer group without a committed offset starts reading a topic (<c>auto.offset.reset</c>).</summary>
public enum TaosOffsetReset
{
    /// <summary><c>latest</c>: only rows written after the subscription (TDengine's default).</summary>
    Latest,

    /// <summary><c>earliest</c>: every row the topic still holds.</summary>
    Earliest,

    /// <summary><c>none</c>: nothing is delivered until an offset was committed for the group (or a <c>Seek</c> set one).</summary>
    None,
}
