namespace Taos.Server.Engine.Storage;

/// <summary>
/// What the administration statements ask of the store beyond the catalog and rows: a few durable settings of the
/// cluster (its extra dnodes, qnodes and snodes, the next compaction id), making the write-ahead log part of the
/// main file (FLUSH DATABASE) and giving free pages back to the file system (COMPACT DATABASE).
/// </summary>
internal interface IStoreMaintenance
{
    /// <summary>The setting stored under <paramref name="key"/>, or null.</summary>
    string? LoadSetting(string key);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> durably, serialized with every write.</summary>
    void SaveSetting(string key, string value);

    /// <summary>Copies every committed write from the write-ahead log into the main file and empties the log.</summary>
    void Flush();

    /// <summary>Rebuilds the file without its free pages (blocks writers while it runs; readers go on).</summary>
    void Compact();
}
