using Taos.Server.Engine;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Streams;

public class StreamLifecycleTests : StreamTestBase
{
    private const string Create = "create stream s1 trigger at_once into out1 as select _wstart, count(*) from meters interval(1m)";

    [Fact]
    public void Show_streams_and_ins_streams_list_the_stream_with_tdengines_columns()
    {
        Exec("create stream if not exists s1 trigger at_once watermark 5s into out1 as select _wstart, count(*) from meters interval(1m)");
        var show = Assert.IsType<RowSetResult>(Exec("show streams"));
        Assert.Equal([("stream_name", 192)], show.Columns.Select(c => (c.Name, c.Length)));
        Assert.Equal([["s1"]], show.Rows.ToList());
        var all = Assert.IsType<RowSetResult>(Exec("select * from information_schema.ins_streams"));
        Assert.Equal(["stream_name", "create_time", "sql", "status", "source_db", "target_db", "target_table", "watermark", "trigger", "sink_quota", "history_scan_idle"],
            all.Columns.Select(c => c.Name));
        var row = all.Rows.Single();
        Assert.Equal(["s1", "ready", "d", "d", "out1", 5000L, "at once", "0", "100a"], new[] { row[0], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10] });
        Assert.StartsWith("create stream if not exists s1", (string)row[2]!);
    }

    [Fact]
    public void Creating_an_existing_stream_fails_unless_if_not_exists()
    {
        Exec(Create);
        Fails(Create, 1008, "Stream already exists");
        Exec(Create.Replace("create stream s1", "create stream if not exists s1", StringComparison.Ordinal));
        Fails("create stream s2 trigger at_once into out1 as select _wstart, count(*) from meters interval(1m)", 1014, "Cannot write the same stable as other stream");
    }

    [Fact]
    public void A_dropped_stream_stops_and_keeps_what_it_wrote()
    {
        Exec(Create);
        Write("d1", T0, 1);
        Assert.Single(Settled("select * from out1"));
        Exec("drop stream s1");
        Write("d1", T0 + 60000, 1);
        Assert.Single(Settled("select * from out1"));
        Assert.Empty(Rows("show streams"));
        Fails("drop stream s1", 1009, "Stream not exist");
        Exec("drop stream if exists s1");
    }

    [Fact]
    public void A_paused_stream_catches_up_when_resumed()
    {
        Exec(Create);
        Exec("pause stream s1");
        Assert.Equal("paused", Rows("select status from information_schema.ins_streams")[0][0]);
        Write("d1", T0, 1);
        Assert.Empty(Settled("select * from out1"));
        Exec("resume stream s1");
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out1"));
        Assert.Equal("ready", Rows("select status from information_schema.ins_streams")[0][0]);
        Fails("pause stream s9", 1009, "Stream not exist");
        Exec("pause stream if exists s9");
        Exec("resume stream if exists ignore untreated s9");
    }

    [Fact]
    public void The_write_log_keeps_what_a_paused_stream_has_not_processed()
    {
        // With WAL_RETENTION_PERIOD 0 and no topic, the log keeps nothing for consumers: only the stream pins it.
        Exec("alter database d wal_retention_period 0");
        Exec(Create);
        Exec("pause stream s1");
        Write("d1", T0, 1);
        ((SqliteStore)Store).PruneWriteLog();
        Assert.NotEmpty(Store.ReadWriteLog("d", 0));
        Exec("resume stream s1");
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out1"));
    }

    [Fact]
    public void Resume_ignore_untreated_skips_what_was_written_while_paused()
    {
        Exec(Create);
        Exec("pause stream s1");
        Write("d1", T0, 1);
        Exec("resume stream ignore untreated s1");
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 60000, 1);
        Assert.Equal([[T0 + 60000, 1L]], Settled("select `_wstart`, `count(*)` from out1"));
    }

    [Fact]
    public void Streams_and_their_progress_survive_a_restart()
    {
        Exec(Create);
        Exec("create stream s2 trigger at_once into out2 as select _wstart, count(*) from meters interval(1m)");
        Exec("pause stream s2");
        Write("d1", T0, 1);
        Assert.Single(Settled("select * from out1"));
        Reopen();
        Assert.Equal([["s1"], ["s2"]], Rows("show streams"));
        Assert.Equal("paused", Rows("select status from information_schema.ins_streams where stream_name = 's2'")[0][0]);
        Write("d1", T0 + 1, 1);
        Assert.Equal([[T0, 2L]], Settled("select `_wstart`, `count(*)` from out1"));
        Exec("resume stream s2");
        Assert.Equal([[T0, 2L]], Settled("select `_wstart`, `count(*)` from out2"));
    }

    [Fact]
    public void A_super_table_a_stream_reads_or_writes_cannot_be_dropped_first()
    {
        Exec(Create);
        Fails("drop stable meters", 1011, "Stream must be dropped first");
        Fails("drop stable out1", 1011, "Stream must be dropped first");
        Exec("drop stream s1");
        Exec("drop stable out1");
    }
}

public class StreamDatabaseTests : StreamTestBase
{
    [Fact]
    public void Dropping_a_database_drops_its_own_streams_but_not_one_into_another_database()
    {
        Exec("create database other");
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*) from meters interval(1m)");
        Exec("create stream s2 trigger at_once into other.out2 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0, 1);
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from other.out2"));
        Fails("drop database other", 1011, "Stream must be dropped first");
        Fails("drop database d", 1011, "Stream must be dropped first");
        Exec("drop stream s2");
        Exec("drop database d");
        Assert.Empty(Rows("show streams"));
        Exec("drop database other");
    }
}
