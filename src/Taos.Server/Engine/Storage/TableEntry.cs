using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Storage;

/// <summary>
/// A table as a store holds it: its catalog <see cref="Info"/>, plus whatever keys the store keeps for it
/// (in the store's own subclass). Obtained from <see cref="IStore.FindEntry"/> or
/// <see cref="IStoreWriter.CreateTable"/> and handed back to the same store's writer.
/// </summary>
internal abstract class TableEntry
{
    protected TableEntry(TableInfo info) => Info = info;

    /// <summary>The table's catalog entry.</summary>
    public TableInfo Info { get; }
}
