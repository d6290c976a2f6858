namespace Taos.Server.Engine.Topics;

/// <summary>The rows one message of a topic carries for one child or normal table, with the topic's columns.</summary>
internal sealed record TopicBlock(string Table, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows, TaosPrecision Precision);

/// <summary>
/// One message read from one vgroup of a topic: the rows written to the vgroup's tables from offset
/// <see cref="Offset"/> up to (not including) <see cref="End"/>, one block per table that still has rows the topic
/// passes (possibly none).
/// </summary>
internal sealed record TopicMessage(TopicInfo Topic, int Vgroup, long Offset, long End, IReadOnlyList<TopicBlock> Blocks);
