using Taos.Server.Engine.Streams;

namespace Taos.Server.Engine.Storage;

/// <summary>The stream operations of a write transaction (streams belong to no database's write sequence).</summary>
internal partial interface IStoreWriter
{
    /// <summary>Stores a new stream or replaces the stored one of the same name (its definition and progress).</summary>
    void SaveStream(StreamInfo stream);

    /// <summary>Removes a stream; nothing happens when there is none of that name.</summary>
    void DropStream(string name);
}
