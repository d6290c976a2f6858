namespace Taos.Tmq;

/// <summary>One vgroup of a subscribed topic: TDengine's counterpart of a Kafka partition.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="VgroupId">The vgroup's id, as <c>poll</c> and <c>assignment</c> report it.</param>
public readonly record struct TaosTopicPartition(string Topic, int VgroupId);

/// <summary>An offset in one vgroup of a topic: a position, a committed offset, or the offset a message was read at.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="VgroupId">The vgroup's id.</param>
/// <param name="Offset">The offset; negative when there is none (TDengine answers <see cref="NoOffset"/> for a group that never committed).</param>
public readonly record struct TaosTopicPartitionOffset(string Topic, int VgroupId, long Offset)
{
    /// <summary>The offset TDengine reports where there is none: the error code 0x80004011 (-2147467247).</summary>
    public const long NoOffset = -2147467247;

    /// <summary>True when <see cref="Offset"/> is a real offset (not negative).</summary>
    public bool HasOffset => Offset >= 0;

    /// <summary>The topic and vgroup without the offset.</summary>
    public TaosTopicPartition Partition => new(Topic, VgroupId);
}

/// <summary>One vgroup assigned to the consumer (<c>assignment</c>): where it stands and what the vgroup holds.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="VgroupId">The vgroup's id.</param>
/// <param name="Offset">The consumer's current offset in the vgroup as TDengine reports it.</param>
/// <param name="Begin">The first offset the vgroup still holds.</param>
/// <param name="End">The offset after the last one written.</param>
public readonly record struct TaosTopicAssignment(string Topic, int VgroupId, long Offset, long Begin, long End);
