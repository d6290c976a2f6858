using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Streams;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The streams: one row per stream in <c>catalog_stream</c> (the stream with its progress as JSON, <c>seq</c> keeping
/// creation order), mirrored in memory. Changes go to SQLite inside the caller's transaction and to the mirror at
/// once; after a rollback the mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class StreamTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(StreamInfo Stream, long Order)> _streams = [];

    /// <summary>Creates <c>catalog_stream</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public StreamTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS catalog_stream (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, stream TEXT NOT NULL)");
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var streams = new List<(StreamInfo, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, stream FROM catalog_stream ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var stream = JsonSerializer.Deserialize<StreamInfo>(reader.GetString(1)) ?? throw new InvalidDataException("catalog_stream holds an empty stream");
                streams.Add((stream, reader.GetInt64(0)));
            }
        }
        lock (_lock) _streams = streams;
    }

    /// <summary>All streams in creation order.</summary>
    public IReadOnlyList<StreamInfo> All()
    {
        lock (_lock) return _streams.Select(s => s.Stream).ToList();
    }

    /// <summary>Stores a new stream, or replaces the stored one of the same name (keeping its place).</summary>
    public void Save(SqliteTransaction transaction, StreamInfo stream)
    {
        long order;
        lock (_lock)
        {
            int index = _streams.FindIndex(s => s.Stream.Name == stream.Name);
            order = index >= 0 ? _streams[index].Order : _streams.Count == 0 ? 1 : _streams.Max(s => s.Order) + 1;
        }
        using (var command = RawSqlite.Command(transaction, "INSERT OR REPLACE INTO catalog_stream (name, seq, stream) VALUES ($n, $s, $t)"))
        {
            command.Parameters.AddWithValue("$n", stream.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$t", JsonSerializer.Serialize(stream));
            command.ExecuteNonQuery();
        }
        lock (_lock) _streams = _streams.Where(s => s.Stream.Name != stream.Name).Append((Stream: stream, Order: order)).OrderBy(s => s.Order).ToList();
    }

    /// <summary>Removes a stream; nothing happens when there is none of that name.</summary>
    public void Remove(SqliteTransaction transaction, string name)
    {
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_stream WHERE name = $n"))
        {
            command.Parameters.AddWithValue("$n", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _streams = _streams.Where(s => s.Stream.Name != name).ToList();
    }
}
