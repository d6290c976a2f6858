using Taos.Server.Engine.Topics;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

public class WriteLogRetentionTests : EngineTestBase
{
    public WriteLogRetentionTests() : base(null)
    {
    }

    private int Prune() => ((SqliteStore)Store).PruneWriteLog();

    private int Logged(string database) => Store.ReadWriteLog(database, 0).Count;

    private List<int> Drain(string group)
    {
        var consumer = Engine.CreateConsumer(group, OffsetReset.Earliest);
        consumer.Subscribe(["t"]);
        var seen = new List<int>();
        while (consumer.Poll() is { } message) seen.AddRange(message.Blocks.SelectMany(b => b.Rows).Select(r => (int)r[1]!));
        consumer.Commit();
        consumer.Unsubscribe();
        seen.Sort();
        return seen;
    }

    private void Create(string options)
    {
        Exec("create database r " + options);
        Exec("create table r.n (ts timestamp, v int)");
        Exec("create topic t as select ts, v from r.n");
    }

    [Fact]
    public void Entries_older_than_the_retention_period_go_and_stay_gone_after_a_restart()
    {
        Create("wal_retention_period 1");
        Exec("insert into r.n values (1704067201000, 1)");
        Thread.Sleep(1100);
        Exec("insert into r.n values (1704067202000, 2)");
        // The CREATE TABLE's DDL entry (kept for WITH META topics) and the first insert's are older than a second.
        Assert.Equal(2, Prune());
        Assert.Equal(1, Logged("r"));
        Reopen();
        Assert.Equal(1, Logged("r"));
        Assert.Equal([2], Drain("g"));
    }

    [Fact]
    public void With_the_default_period_nothing_young_goes_whatever_was_consumed()
    {
        Create("");
        Exec("insert into r.n values (1704067201000, 1)");
        Assert.Equal([1], Drain("g1"));
        Assert.Equal(0, Prune());
        Assert.Equal([1], Drain("g2"));
    }

    [Fact]
    public void With_period_zero_only_what_a_group_has_not_committed_stays()
    {
        Create("wal_retention_period 0");
        Exec("insert into r.n values (1704067201000, 1)");
        Assert.Equal([1], Drain("g1"));
        Exec("insert into r.n values (1704067202000, 2)");
        // Below the committed offset: the CREATE TABLE's DDL entry and the first insert's.
        Assert.Equal(2, Prune());
        Reopen();
        Assert.Equal(1, Logged("r"));
        Assert.Equal([2], Drain("g1"));
        Assert.Equal([2], Drain("g2"));
    }

    [Fact]
    public void Without_a_topic_period_zero_keeps_nothing_and_a_dropped_database_leaves_nothing()
    {
        Exec("create database z wal_retention_period 0");
        Exec("create table z.n (ts timestamp, v int)");
        Exec("insert into z.n values (1704067201000, 1)");
        Exec("create database y");
        Exec("create table y.n (ts timestamp, v int)");
        Exec("insert into y.n values (1704067201000, 1)");
        Exec("drop database y");
        // Each database logged its CREATE TABLE's DDL and its insert.
        Assert.Equal(4, Prune());
        Assert.Equal((0, 0), (Logged("z"), Logged("y")));
        Assert.Equal(1, Rows("select count(*) from z.n")[0][0] is long n ? (int)n : -1);
    }
}
