using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// One part of a write transaction as a topic's vgroup sees it: a DDL (<see cref="Meta"/>), or the rows written
/// (<see cref="Data"/>) with the child tables their insert created (<see cref="AutoCreated"/>, for WITH META topics).
/// </summary>
internal sealed record TopicUnit(MetaBatch? Meta, IReadOnlyList<WriteLogEntry> Data, IReadOnlyList<MetaEvent> AutoCreated)
{
    /// <summary>Whether the part must be a message of its own (a DDL, or rows with created tables).</summary>
    public bool Alone => Meta is not null || AutoCreated.Count > 0;
}
