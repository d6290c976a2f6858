using System.Data;
using System.Diagnostics.CodeAnalysis;
using Taos.Protocol.RawBlock;
using Taos.Transport;

namespace Taos.Tmq;

/// <summary>
/// One message a <see cref="TaosConsumer"/> consumed: where it comes from (topic, database, vgroup, offset) and its
/// rows, received in full, as blocks (one per child table) or all together through <see cref="GetReader"/> and
/// <see cref="ToList{T}"/>; from a WITH META topic also its table metadata (<see cref="MessageType"/>,
/// <see cref="JsonMeta"/>). It stays readable after the consumer moved on or closed.
/// </summary>
public sealed class TaosConsumeResult
{
    internal TaosConsumeResult(TmqPolled polled, IReadOnlyList<TaosConsumeBlock> blocks, string? jsonMeta = null)
    {
        MessageType = (TaosMessageType)polled.MessageType;
        JsonMeta = jsonMeta;
        Topic = polled.Topic;
        Database = polled.Database;
        VgroupId = polled.VgroupId;
        Offset = polled.Offset;
        Blocks = blocks;
    }

    /// <summary>
    /// Whether the message carries rows (<see cref="TaosMessageType.Data"/>), a DDL (<see cref="TaosMessageType.TableMeta"/>,
    /// no blocks) or both (<see cref="TaosMessageType.MetaData"/>: the rows and the child tables their insert created).
    /// </summary>
    public TaosMessageType MessageType { get; }

    /// <summary>
    /// The table metadata of a <see cref="TaosMessageType.TableMeta"/> or <see cref="TaosMessageType.MetaData"/> message
    /// as TDengine's JSON meta (what <c>tmq_get_json_meta</c> returns, e.g.
    /// <c>{"type":"create","tableType":"super","tableName":"st",…}</c>); null for a data message.
    /// </summary>
    public string? JsonMeta { get; }

    /// <summary>The topic the message belongs to.</summary>
    public string Topic { get; }

    /// <summary>The topic's database.</summary>
    public string Database { get; }

    /// <summary>The vgroup the message comes from.</summary>
    public int VgroupId { get; }

    /// <summary>The message's offset as the server reports it (taosAdapter 3.3.0.1 reports 0 for data messages).</summary>
    public long Offset { get; }

    /// <summary>The topic, vgroup and offset together (for <see cref="TaosConsumer.Seek"/> and <see cref="TaosConsumer.CommitOffset"/>).</summary>
    public TaosTopicPartitionOffset TopicPartitionOffset => new(Topic, VgroupId, Offset);

    /// <summary>The message's blocks in the order the server sent them.</summary>
    public IReadOnlyList<TaosConsumeBlock> Blocks { get; }

    /// <summary>The rows of all blocks.</summary>
    public int RowCount => Blocks.Sum(b => b.RowCount);

    /// <summary>
    /// The child table of the rows when they all belong to one (or all blocks name the same), else empty; see
    /// <see cref="TaosConsumeBlock.TableName"/> for the table of each block.
    /// </summary>
    public string TableName => Blocks.Count > 0 && Blocks.All(b => b.TableName == Blocks[0].TableName) ? Blocks[0].TableName : "";

    /// <summary>A reader over the rows of all blocks, one after the other.</summary>
    /// <exception cref="InvalidOperationException">The blocks have different columns (a database topic): read <see cref="Blocks"/> one by one.</exception>
    public TaosDataReader GetReader()
    {
        if (Blocks.Count == 0) return Reader([], []);
        if (Blocks.Any(b => !b.SameColumns(Blocks[0]))) throw new InvalidOperationException(TmqStrings.MixedSchemas);
        return Reader(Blocks[0].Columns, [.. Blocks.Select(b => b.Block)]);
    }

    /// <summary>The rows of all blocks as new <typeparamref name="T"/> objects, mapped as <see cref="TaosConsumeBlock.ToList{T}"/> does.</summary>
    /// <exception cref="InvalidCastException">A column's values do not convert to its property's type.</exception>
    public IReadOnlyList<T> ToList<[DynamicallyAccessedMembers(TmqRowMapper.Members)] T>() where T : new()
    {
        var list = new List<T>(RowCount);
        foreach (var block in Blocks)
        {
            TmqRowMapper.Append(block, list);
        }
        return list;
    }

    internal static TaosDataReader Reader(TaosColumnMeta[] columns, IReadOnlyList<RawBlockView> blocks) =>
        TaosDataReader.CreateAsync(new TaosCommand(), new TmqBlockResult(columns, blocks), CommandBehavior.Default, async: false, CancellationToken.None)
            .GetAwaiter().GetResult();
}
