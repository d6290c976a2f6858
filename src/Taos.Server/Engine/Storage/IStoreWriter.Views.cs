using Taos.Server.Engine.Views;

namespace Taos.Server.Engine.Storage;

/// <summary>The views of a write transaction (they belong to no database's write sequence; DROP DATABASE drops its views).</summary>
internal partial interface IStoreWriter
{
    /// <summary>Stores a view, replacing the one of the same database and name.</summary>
    void SaveView(ViewInfo view);

    /// <summary>Removes a view; nothing happens when there is none of that name.</summary>
    void DropView(string database, string name);
}
