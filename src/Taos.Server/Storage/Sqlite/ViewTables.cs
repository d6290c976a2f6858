using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Views;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The views: one row per view in <c>catalog_view</c> (the view as JSON, <c>seq</c> keeping creation order), mirrored
/// in memory. Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the
/// mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class ViewTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(ViewInfo View, long Order)> _views = [];

    /// <summary>Creates <c>catalog_view</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public ViewTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection,
            "CREATE TABLE IF NOT EXISTS catalog_view (db TEXT NOT NULL, name TEXT NOT NULL, seq INTEGER NOT NULL, view TEXT NOT NULL, PRIMARY KEY (db, name))");
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var views = new List<(ViewInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, view FROM catalog_view ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var view = JsonSerializer.Deserialize<ViewInfo>(reader.GetString(1)) ?? throw new InvalidDataException("catalog_view holds an empty view");
                views.Add((view, reader.GetInt64(0)));
            }
        }
        lock (_lock) _views = views;
    }

    /// <summary>All views in creation order.</summary>
    public IReadOnlyList<ViewInfo> All()
    {
        lock (_lock) return _views.Select(v => v.View).ToList();
    }

    /// <summary>Stores <paramref name="view"/>; a replaced view keeps its place in the order.</summary>
    public void Save(SqliteTransaction transaction, ViewInfo view)
    {
        long order;
        lock (_lock)
        {
            int at = _views.FindIndex(v => v.View.Database == view.Database && v.View.Name == view.Name);
            order = at >= 0 ? _views[at].Order : _views.Count == 0 ? 1 : _views.Max(v => v.Order) + 1;
        }
        using (var command = RawSqlite.Command(transaction, "INSERT OR REPLACE INTO catalog_view (db, name, seq, view) VALUES ($d, $n, $s, $v)"))
        {
            command.Parameters.AddWithValue("$d", view.Database);
            command.Parameters.AddWithValue("$n", view.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$v", JsonSerializer.Serialize(view));
            command.ExecuteNonQuery();
        }
        lock (_lock)
        {
            _views = _views.Where(v => !(v.View.Database == view.Database && v.View.Name == view.Name)).Append((View: view, Order: order)).OrderBy(v => v.Order).ToList();
        }
    }

    /// <summary>Removes the view <paramref name="name"/> of <paramref name="database"/>, or every view of it when <paramref name="name"/> is null.</summary>
    public void Remove(SqliteTransaction transaction, string database, string? name)
    {
        using (var command = RawSqlite.Command(transaction, name is null
            ? "DELETE FROM catalog_view WHERE db = $d"
            : "DELETE FROM catalog_view WHERE db = $d AND name = $n"))
        {
            command.Parameters.AddWithValue("$d", database);
            if (name is not null) command.Parameters.AddWithValue("$n", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _views = _views.Where(v => !(v.View.Database == database && (name is null || v.View.Name == name))).ToList();
    }
}
