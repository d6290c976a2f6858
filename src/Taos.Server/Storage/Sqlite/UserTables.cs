using System.Text.Json;
using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Users;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The users: one row per user in <c>catalog_user</c> (the account as JSON, <c>seq</c> keeping creation order),
/// mirrored in memory for the lookup every request makes. Changes go to SQLite inside the caller's transaction and
/// to the mirror at once; after a rollback the mirror is rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class UserTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private Dictionary<string, (UserAccount User, long Order)> _users = new(StringComparer.Ordinal);
    private long _nextOrder = 1;

    /// <summary>Creates <c>catalog_user</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public UserTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, "CREATE TABLE IF NOT EXISTS catalog_user (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, account TEXT NOT NULL)");
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var users = new Dictionary<string, (UserAccount, long)>(StringComparer.Ordinal);
        long maxOrder = 0;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT name, seq, account FROM catalog_user";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                long order = reader.GetInt64(1);
                users[reader.GetString(0)] = (Decode(reader.GetString(2)), order);
                maxOrder = Math.Max(maxOrder, order);
            }
        }
        lock (_lock)
        {
            _users = users;
            _nextOrder = maxOrder + 1;
        }
    }

    public UserAccount? Find(string name)
    {
        lock (_lock)
            return _users.TryGetValue(name, out var entry) ? entry.User : null;
    }

    /// <summary>All users in creation order.</summary>
    public IReadOnlyList<UserAccount> All()
    {
        lock (_lock)
            return _users.Values.OrderBy(u => u.Order).Select(u => u.User).ToList();
    }

    public void Save(SqliteTransaction transaction, UserAccount user)
    {
        long order;
        lock (_lock) order = _users.TryGetValue(user.Name, out var existing) ? existing.Order : _nextOrder++;
        using (var command = RawSqlite.Command(transaction, """
            INSERT INTO catalog_user (name, seq, account) VALUES ($n, $s, $a)
            ON CONFLICT (name) DO UPDATE SET account = excluded.account
            """))
        {
            command.Parameters.AddWithValue("$n", user.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$a", Encode(user));
            command.ExecuteNonQuery();
        }
        lock (_lock) _users[user.Name] = (user, order);
    }

    public void Remove(SqliteTransaction transaction, string name)
    {
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_user WHERE name = $n"))
        {
            command.Parameters.AddWithValue("$n", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _users.Remove(name);
    }

    private static string Encode(UserAccount user)
    {
        var stored = new StoredUser(user.Name, Convert.ToBase64String(user.Password.Salt), Convert.ToBase64String(user.Password.Hash),
            user.Password.Iterations, user.Super, user.Enable, user.SysInfo, user.CreateTime, user.Version,
            user.Grants.Select(g => new StoredGrant(g.Privilege, g.Database, g.Table, g.Condition.Length == 0 ? null : g.Condition)).ToList(),
            user.Hosts.Select(h => h.ToString()).ToList());
        return JsonSerializer.Serialize(stored);
    }

    private static UserAccount Decode(string json)
    {
        var s = JsonSerializer.Deserialize<StoredUser>(json) ?? throw new InvalidDataException("catalog_user holds an empty account");
        var account = new UserAccount(s.Name, new PasswordHash(Convert.FromBase64String(s.Salt), Convert.FromBase64String(s.Hash), s.Iterations),
            s.Super, s.Enable, s.SysInfo, s.CreateTime, s.Version, (s.Grants ?? []).Select(g => new UserGrant(g.Privilege, g.Database, g.Table, g.Condition ?? "")).ToList());
        // Accounts stored before white lists existed have none: they get the defaults, as the mnode does.
        return s.Hosts is null ? account : account with { Hosts = s.Hosts.Select(IpRange.FromStored).ToList() };
    }

    /// <summary>The JSON shape of a stored account (<see cref="Hosts"/>, the white list as <c>ip/prefix</c> texts, absent in old data directories).</summary>
    private sealed record StoredUser(string Name, string Salt, string Hash, int Iterations, bool Super, sbyte Enable, sbyte SysInfo,
        long CreateTime, long Version, List<StoredGrant>? Grants, List<string>? Hosts = null);

    /// <summary>The JSON shape of a stored privilege (<see cref="Condition"/> absent when there is none).</summary>
    private sealed record StoredGrant(string Privilege, string Database, string Table, string? Condition = null);
}
