namespace Taos.Server.Engine.Storage;

/// <summary>
/// What one committed write transaction wrote into one child or normal table: the transaction's sequence number
/// for the table's database and the timestamps of the rows it wrote (what a topic consumer reads again).
/// </summary>
internal sealed record WriteLogEntry(long Sequence, string Table, IReadOnlyList<long> Timestamps)
{
    /// <summary>The DDL this entry records instead of rows (a WITH META topic delivers it), or null for rows.</summary>
    public Topics.MetaEvent? Meta { get; init; }
}
