using Taos.Server.Engine.Views;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The views of a write transaction (see <see cref="ViewTables"/>).</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>Whether the views changed (their mirror must be reloaded after a rollback).</summary>
    public bool ViewsChanged { get; private set; }

    public void SaveView(ViewInfo view)
    {
        ViewsChanged = true;
        views.Save(transaction, view);
    }

    public void DropView(string database, string name)
    {
        ViewsChanged = true;
        views.Remove(transaction, database, name);
    }
}
