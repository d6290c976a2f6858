namespace Taos.Tmq;

/// <summary>What a <c>poll</c> that found a message says about it (its blocks come with <c>fetch</c>/<c>fetch_block</c>).</summary>
/// <param name="Topic">The message's topic.</param>
/// <param name="Database">The topic's database.</param>
/// <param name="VgroupId">The vgroup the message comes from.</param>
/// <param name="MessageType">1 data, 2 table meta, 3 meta and data.</param>
/// <param name="MessageId">The connection's id of the held message (1, 2, 3, …).</param>
/// <param name="Offset">The message's offset as the server reports it.</param>
internal sealed record TmqPolled(string Topic, string Database, int VgroupId, int MessageType, ulong MessageId, long Offset)
{
    /// <summary>Messages of type 2 carry table metadata only, no rows.</summary>
    public bool HasData => MessageType != (int)TaosMessageType.TableMeta;

    /// <summary>Messages of types 2 and 3 carry table metadata (<c>fetch_json_meta</c>).</summary>
    public bool HasMeta => MessageType is (int)TaosMessageType.TableMeta or (int)TaosMessageType.MetaData;
}
