using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// The state of one <c>/rest/tmq</c> connection: its consumer (one per connection), the message the last poll
/// returned (only one is held) and how far <c>fetch</c> went through its blocks.
/// </summary>
internal sealed class TmqConnection : IDisposable
{
    /// <summary>The consumer, once a <c>subscribe</c> succeeded.</summary>
    public TopicConsumer? Consumer { get; set; }

    /// <summary>The client's address, which the user's IP white list must admit at <c>subscribe</c> (null: unknown).</summary>
    public System.Net.IPAddress? Address { get; init; }

    /// <summary>Whether <c>poll</c> commits what was consumed before (taosAdapter auto-commits at poll time).</summary>
    public bool AutoCommit { get; set; }

    /// <summary>The message the last poll returned, or null.</summary>
    public TopicMessage? Message { get; private set; }

    /// <summary>Its id (per connection 1, 2, 3, …; 0 when none).</summary>
    public ulong MessageId { get; private set; }

    /// <summary>How many of <see cref="Message"/>'s blocks <c>fetch</c> already prepared.</summary>
    public int FetchedBlocks { get; set; }

    /// <summary>The raw block the last <c>fetch</c> prepared and the <c>req_id</c> of that fetch, or null.</summary>
    public (byte[] Block, ulong FetchRequestId)? Pending { get; set; }

    private ulong _lastMessageId;

    /// <summary>Holds a newly polled message under the next id.</summary>
    public ulong Hold(TopicMessage message)
    {
        Message = message;
        MessageId = ++_lastMessageId;
        FetchedBlocks = 0;
        Pending = null;
        return MessageId;
    }

    public void Dispose()
    {
        Consumer?.Unsubscribe();
        Consumer = null;
    }
}
