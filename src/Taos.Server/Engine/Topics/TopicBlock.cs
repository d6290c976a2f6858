namespace Taos.Server.Engine.Topics;

/// <summary>The rows one message of a topic carries for one child or normal table, with the topic's columns.</summary>
internal sealed record TopicBlock(string Table, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows, TaosPrecision Precision);

/// <summary>
/// One message read from a topic: the rows written from offset <see cref="Offset"/> up to (not including)
/// <see cref="End"/>, one block per table that still has rows the topic passes (possibly none).
/// </summary>
internal sealed record TopicMessage(TopicInfo Topic, long Offset, long End, IReadOnlyList<TopicBlock> Blocks);
