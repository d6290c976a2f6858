using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// One stored stream: its definition (<see cref="Sql"/> is the CREATE STREAM text as TDengine keeps it, lowercased
/// outside quotes; the options in effect, durations in ms) and its durable progress: <see cref="Progress"/> is the last
/// write-log sequence number of <see cref="SourceDatabase"/> processed, <see cref="MaxEventTs"/> the latest source
/// timestamp seen (what the watermark counts back from), <see cref="Pending"/> the time ranges still to be
/// recomputed or written.
/// </summary>
internal sealed record StreamInfo(
    string Name,
    string SourceDatabase,
    string SourceTable,
    string TargetDatabase,
    string TargetTable,
    string Sql,
    long CreateTime,
    StreamTrigger Trigger,
    long MaxDelayMs,
    long WatermarkMs,
    bool IgnoreExpired,
    bool IgnoreUpdate,
    bool FillHistory,
    long DeleteMarkMs)
{
    /// <summary>PAUSE STREAM stopped it (RESUME STREAM starts it again).</summary>
    public bool Paused { get; init; }

    /// <summary>The last write-log sequence number of the source database this stream processed.</summary>
    public long Progress { get; init; }

    /// <summary>The latest source timestamp the stream has seen (in the source database's precision), or null.</summary>
    public long? MaxEventTs { get; init; }

    /// <summary>Source time ranges whose windows are still to be recomputed or written (held back until they close, or deleted rows).</summary>
    public IReadOnlyList<PendingRange> Pending { get; init; } = [];

    /// <summary>ins_streams' <c>trigger</c>: <c>at once</c>, <c>window close</c> or <c>max delay</c>.</summary>
    public string TriggerText => Trigger switch
    {
        StreamTrigger.AtOnce => "at once",
        StreamTrigger.WindowClose => "window close",
        _ => "max delay",
    };
}

/// <summary>
/// Source timestamps <see cref="From"/>..<see cref="To"/> (inclusive, source precision) whose windows a stream must
/// recompute; <see cref="Since"/> is when (ms since the epoch) the range became dirty, for MAX_DELAY, or
/// <see cref="long.MaxValue"/> once it was written early and only waits for its window to close.
/// </summary>
internal sealed record PendingRange(long From, long To, long Since);
