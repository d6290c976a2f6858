namespace Taos.Server.Engine.Topics;

/// <summary>The rows one message of a topic carries for one child or normal table, with the topic's columns.</summary>
internal sealed record TopicBlock(string Table, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows, TaosPrecision Precision);

/// <summary>
/// One message read from one vgroup of a topic: the rows written to the vgroup's tables from offset
/// <see cref="Offset"/> up to (not including) <see cref="End"/>, one block per table that still has rows the topic
/// passes (possibly none); or, from a WITH META topic, one DDL (<see cref="Meta"/>). A message that ends inside a
/// write transaction (its DDL and rows are separate messages) resumes there at part <see cref="EndPart"/>.
/// </summary>
internal sealed record TopicMessage(TopicInfo Topic, int Vgroup, long Offset, long End, IReadOnlyList<TopicBlock> Blocks)
{
    /// <summary>TDengine's <c>TMQ_RES_DATA</c>: rows.</summary>
    public const int DataType = 1;

    /// <summary>TDengine's <c>TMQ_RES_TABLE_META</c>: a DDL.</summary>
    public const int TableMetaType = 2;

    /// <summary>TDengine's <c>TMQ_RES_METADATA</c>: rows with the child tables their insert created.</summary>
    public const int MetadataType = 3;

    /// <summary>The DDL a table-meta message carries, else null.</summary>
    public MetaBatch? Meta { get; init; }

    /// <summary>The child tables the rows' insert created (a WITH META topic's data-and-meta message), else empty.</summary>
    public IReadOnlyList<MetaEvent> AutoCreated { get; init; } = [];

    /// <summary>The part of the write transaction at <see cref="End"/> the next message starts with (0: its start).</summary>
    public int EndPart { get; init; }

    /// <summary><see cref="DataType"/>, <see cref="TableMetaType"/> or <see cref="MetadataType"/>.</summary>
    public int MessageType => Meta is not null ? TableMetaType : AutoCreated.Count > 0 ? MetadataType : DataType;

    /// <summary>Whether the message carries anything (rows, a DDL or created tables).</summary>
    public bool HasContent => Meta is not null || Blocks.Count > 0 || AutoCreated.Count > 0;
}
