using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Storage.Sqlite;

public sealed class UserTablesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-user-tables-" + Guid.NewGuid().ToString("N"));

    private static UserAccount User(string name, params UserGrant[] grants) =>
        new(name, PasswordHash.Create("pw"), false, 1, 1, 1704067200000, 1, grants);

    [Fact]
    public void Users_are_stored_in_creation_order_and_survive_reopening()
    {
        using (var store = new SqliteStore(_dir))
        {
            store.Write(w =>
            {
                w.SaveUser(User("b"));
                w.SaveUser(User("a", new UserGrant("read", "d", ""), new UserGrant("write", "d", "t")));
                return 0;
            });
            store.Write(w =>
            {
                w.SaveUser(User("b") with { Enable = 0, Version = 2 });
                return 0;
            });
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal(["b", "a"], store.Users().Select(u => u.Name));
            Assert.Equal((sbyte)0, store.FindUser("b")!.Enable);
            Assert.Equal([new UserGrant("read", "d", ""), new UserGrant("write", "d", "t")], store.FindUser("a")!.Grants);
            Assert.True(store.FindUser("a")!.Password.Matches("pw"));
            store.Write(w =>
            {
                w.DropUser("b");
                return 0;
            });
            Assert.Null(store.FindUser("b"));
        }
    }

    [Fact]
    public void The_white_list_is_stored_and_an_account_stored_without_one_gets_the_defaults()
    {
        var hosts = new[] { IpRange.Loopback, IpRange.Parse("10.1.0.0/16"), new IpRange(System.Net.IPAddress.IPv6Loopback, 128) };
        using (var store = new SqliteStore(_dir))
        {
            store.Write(w =>
            {
                w.SaveUser(User("a") with { Hosts = hosts });
                w.SaveUser(User("old") with { Hosts = [IpRange.Parse("10.9.9.9")] });
                return 0;
            });
        }
        // A data directory written before white lists existed: the stored account has no "Hosts".
        using (var connection = new SqliteConnection("Data Source=" + Path.Combine(_dir, "taos.db") + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE catalog_user SET account = json_remove(account, '$.Hosts') WHERE name = 'old'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }
        using (var store = new SqliteStore(_dir))
        {
            Assert.Equal(hosts, store.FindUser("a")!.Hosts);
            Assert.Equal(IpRange.Defaults, store.FindUser("old")!.Hosts);
        }
    }

    [Fact]
    public void A_rolled_back_write_leaves_the_users_as_they_were()
    {
        using var store = new SqliteStore(_dir);
        store.Write(w =>
        {
            w.SaveUser(User("a"));
            return 0;
        });
        Assert.Throws<InvalidOperationException>(() => store.Write<int>(w =>
        {
            w.SaveUser(User("c"));
            w.DropUser("a");
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(["a"], store.Users().Select(u => u.Name));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
