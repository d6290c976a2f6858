namespace Taos.Server.Engine.Topics;

/// <summary>
/// The table metadata one message carries: one event, or several of the same kind TDengine sends to a vgroup as one
/// request (child tables created or tables dropped by one statement).
/// </summary>
internal sealed record MetaBatch(MetaKind Kind, IReadOnlyList<MetaEvent> Events)
{
    /// <summary>The first (or only) event.</summary>
    public MetaEvent First => Events[0];
}
