using Taos.Server.Engine.Catalog;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>Every committed write gets the next sequence number of its database, durably; a failed one gets none.</summary>
public sealed class WriteSequenceTests : EngineTestBase
{
    [Fact]
    public void Each_committed_statement_takes_the_next_number_of_its_database()
    {
        long created = Store.LastSequence("d");
        Assert.Equal(1, created);
        Exec("create table t (ts timestamp, v int)");
        Assert.Equal(2, Store.LastSequence("d"));
        Exec("insert into t values (1704067200000, 1) (1704067201000, 2)");
        Assert.Equal(3, Store.LastSequence("d"));
        Exec("insert into t values (1704067202000, 3)");
        Assert.Equal(4, Store.LastSequence("d"));
        // A statement that changes nothing is no write.
        Exec("create table if not exists t (ts timestamp, v int)");
        Assert.Equal(4, Store.LastSequence("d"));
    }

    [Fact]
    public void Numbers_are_kept_per_database()
    {
        Exec("create database u");
        Assert.Equal(1, Store.LastSequence("u"));
        Exec("create table u.t (ts timestamp, v int)");
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into u.t values (1704067200000, 1)");
        Assert.Equal((3L, 2L), (Store.LastSequence("u"), Store.LastSequence("d")));
        // One statement writing to two databases takes one number in each.
        Exec("insert into u.t values (1704067201000, 1) t values (1704067201000, 1)");
        Assert.Equal((4L, 3L), (Store.LastSequence("u"), Store.LastSequence("d")));
        Assert.Equal(0, Store.LastSequence("nowhere"));
    }

    [Fact]
    public void A_failed_statement_takes_no_number_and_the_next_one_follows_on()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("create stable st (ts timestamp, v int) tags (g int)");
        Assert.Equal(3, Store.LastSequence("d"));
        // Would auto-create c1, but fails on the bad value: nothing is written, no number taken.
        Assert.Throws<TaosServerException>(() => Exec("insert into c1 using st tags (1) values (1704067200000, 1) t values (1704067200000, 'x')"));
        Assert.Null(Engine.Catalog.FindTable("d", "c1"));
        Assert.Equal(3, Store.LastSequence("d"));
        Exec("insert into t values (1704067200000, 1)");
        Assert.Equal(4, Store.LastSequence("d"));
    }

    [Fact]
    public void Numbers_survive_a_restart_and_outlive_a_dropped_database()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Reopen();
        Assert.Equal(3, Store.LastSequence("d"));
        Exec("insert into t values (1704067201000, 1)");
        Assert.Equal(4, Store.LastSequence("d"));
        Exec("drop database d");
        Assert.Equal(5, Store.LastSequence("d"));
        Exec("create database d");
        Assert.Equal(6, Store.LastSequence("d"));
        Reopen();
        Assert.Equal(6, Store.LastSequence("d"));
    }

    [Fact]
    public void The_writer_knows_the_number_its_commit_carries()
    {
        using var store = new SqliteStore(Dir + "-store");
        try
        {
            long seq = store.Write(tx =>
            {
                tx.CreateDatabase(new DatabaseInfo("x", TaosPrecision.Milliseconds, new Dictionary<string, string>()));
                return tx.Sequence("x");
            });
            Assert.Equal((1L, 1L), (seq, store.LastSequence("x")));
            Assert.Throws<InvalidOperationException>(() => store.Write<long>(tx =>
            {
                Assert.Equal(2, tx.Sequence("x"));
                throw new InvalidOperationException("boom");
            }));
            Assert.Equal(1, store.LastSequence("x"));
            Assert.Equal(2, store.Write(tx => tx.Sequence("x")));
        }
        finally
        {
            store.Dispose();
            Directory.Delete(Dir + "-store", recursive: true);
        }
    }
}
