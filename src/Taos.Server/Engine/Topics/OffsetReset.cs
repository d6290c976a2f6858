namespace Taos.Server.Engine.Topics;

/// <summary>Where a consumer group without a committed offset starts (<c>auto.offset.reset</c>).</summary>
internal enum OffsetReset
{
    /// <summary>At the oldest row kept.</summary>
    Earliest,
    /// <summary>After the last row written when subscribing.</summary>
    Latest,
    /// <summary>Nowhere: polling fails until an offset is committed or sought.</summary>
    None,
}
