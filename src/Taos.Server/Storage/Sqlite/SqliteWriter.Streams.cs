using Taos.Server.Engine.Streams;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The stream operations of one write transaction of the <see cref="SqliteStore"/>.</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>The store's streams.</summary>
    public required StreamTables Streams { get; init; }

    /// <summary>Whether the streams changed (their mirror must be reloaded after a rollback).</summary>
    public bool StreamsChanged { get; private set; }

    public void SaveStream(StreamInfo stream)
    {
        StreamsChanged = true;
        Streams.Save(transaction, stream);
    }

    public void DropStream(string name)
    {
        StreamsChanged = true;
        Streams.Remove(transaction, name);
    }
}
