namespace Taos.Server.Tests.Engine.Streams;

public class StreamIntervalTests : StreamTestBase
{
    [Fact]
    public void An_at_once_interval_stream_creates_its_target_and_updates_windows_on_each_write()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*), avg(voltage) from meters interval(1m)");
        var describe = Rows("describe out1").Select(r => ((string)r[0]!, (string)r[1]!, (string)r[3]!)).ToList();
        Assert.Equal([("_wstart", "TIMESTAMP", ""), ("count(*)", "BIGINT", ""), ("avg(voltage)", "DOUBLE", ""), ("group_id", "BIGINT UNSIGNED", "TAG")], describe);
        Write("d1", T0 + 1000, 1, 200);
        Write("d2", T0 + 2000, 1, 220, 2);
        Assert.Equal([[T0, 2L, 210.0, 0UL]], Settled("select * from out1"));
        Write("d1", T0 + 61000, 1, 100);
        Assert.Equal([[T0, 2L, 210.0], [T0 + 60000, 1L, 100.0]], Settled("select `_wstart`, `count(*)`, `avg(voltage)` from out1 order by 1"));
    }

    [Fact]
    public void A_window_query_without_wstart_gets_one_and_the_column_list_names_the_columns()
    {
        Exec("create stream s1 trigger at_once into out1 (ws, n, peak) as select count(*), max(voltage) from meters interval(10s)");
        Assert.Equal(["ws", "n", "peak", "group_id"], Rows("describe out1").Select(r => (string)r[0]!));
        Write("d1", T0, 1, 7);
        Assert.Equal([[T0, 1L, 7]], Settled("select ws, n, peak from out1"));
    }

    [Fact]
    public void Sliding_windows_are_each_updated_by_a_row_they_hold()
    {
        Exec("create table d1 using meters tags (1, 'a')");
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*) from d1 interval(20s) sliding(10s)");
        Write("d1", T0 + 15000, 1);
        Assert.Equal([[T0, 1L], [T0 + 10000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
        Write("d1", T0 + 25000, 1);
        Assert.Equal([[T0, 1L], [T0 + 10000, 2L], [T0 + 20000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void Partition_by_tbname_writes_one_child_table_per_source_table_with_its_group_id()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, sum(voltage) from meters partition by tbname interval(1m)");
        Write("d1", T0, 1, 10);
        Write("d2", T0 + 1, 1, 20, 2);
        Write("d1", T0 + 2, 1, 1);
        var rows = Settled("select tbname, `sum(voltage)`, group_id from out1 order by 2");
        Assert.Equal([11L, 20L], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.StartsWith("t_", (string)r[0]!));
        Assert.NotEqual(rows[0][0], rows[1][0]);
        Assert.NotEqual(rows[0][2], rows[1][2]);
        Assert.Equal(2, Rows("select * from information_schema.ins_tables where stable_name = 'out1'").Count);
    }

    [Fact]
    public void Subtable_names_the_child_tables_and_tags_take_the_partition_values()
    {
        Exec("create stream s1 trigger at_once into out1 tags (groupid int) subtable(concat('g-', cast(groupid as varchar(8)))) "
            + "as select _wstart, count(*) from meters partition by groupid interval(1m)");
        Write("d1", T0, 1, 10, 1);
        Write("d2", T0, 1, 10, 2);
        Write("d3", T0 + 5, 1, 10, 2);
        Assert.Equal([["g-1", 1L, 1], ["g-2", 2L, 2]], Settled("select tbname, `count(*)`, groupid from out1 order by groupid"));
    }

    [Fact]
    public void Window_close_emits_a_window_once_a_later_row_passed_its_end_and_the_watermark()
    {
        Exec("create stream s1 trigger window_close watermark 10s into out1 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 65000, 1);
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 70000, 1);
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out1"));
        Assert.Equal("window close", Rows("select `trigger` from information_schema.ins_streams")[0][0]);
    }

    [Fact]
    public void The_default_trigger_is_window_close()
    {
        Exec("create stream s1 into out1 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 60000, 1);
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out1"));
    }

    [Fact]
    public void Expired_rows_are_ignored_by_default_and_recomputed_with_ignore_expired_0()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*) from meters interval(1m)");
        Exec("create stream s2 trigger at_once ignore expired 0 into out2 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 125000, 1);
        Settle();
        Write("d1", T0 + 2000, 1);
        Assert.Equal([[T0, 1L], [T0 + 120000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
        Assert.Equal([[T0, 2L], [T0 + 120000, 1L]], Settled("select `_wstart`, `count(*)` from out2 order by 1"));
    }

    [Fact]
    public void An_update_to_a_stored_row_recomputes_its_window_without_counting_it_twice()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*), sum(voltage) from meters interval(1m)");
        Write("d1", T0 + 1000, 1, 10);
        Settle();
        Write("d1", T0 + 1000, 1, 30);
        Assert.Equal([[T0, 1L, 30L]], Settled("select `_wstart`, `count(*)`, `sum(voltage)` from out1"));
    }

    [Fact]
    public void Deleting_source_rows_recomputes_their_windows_and_removes_windows_left_empty()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 2000, 1);
        Write("d1", T0 + 61000, 1);
        Assert.Equal(2, Settled("select * from out1").Count);
        Assert.Equal(1, Affected($"delete from d1 where ts = {T0 + 2000}"));
        Assert.Equal([[T0, 1L], [T0 + 60000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
        Affected($"delete from meters where ts >= {T0 + 60000}");
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void Fill_history_computes_the_rows_stored_before_the_stream()
    {
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 61000, 1);
        Exec("create stream s0 trigger at_once into out0 as select _wstart, count(*) from meters interval(1m)");
        Exec("create stream s1 trigger at_once fill_history 1 into out1 as select _wstart, count(*) from meters interval(1m)");
        Assert.Empty(Settled("select * from out0"));
        Assert.Equal([[T0, 1L], [T0 + 60000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void Max_delay_writes_an_open_window_once_the_delay_passed()
    {
        Exec("create stream s1 trigger max_delay 1s into out1 as select _wstart, count(*) from meters interval(1h)");
        Write("d1", T0 + 1000, 1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<object?[]> rows;
        do
        {
            rows = Settled("select `_wstart`, `count(*)` from out1");
        }
        while (rows.Count == 0 && DateTime.UtcNow < deadline);
        Assert.Equal([[T0, 1L]], rows);
        Assert.Equal("max delay", Rows("select `trigger` from information_schema.ins_streams")[0][0]);
    }
}

public class StreamLateDataTests : StreamTestBase
{
    [Fact]
    public void A_row_later_than_the_watermark_allows_is_expired_but_one_within_it_counts()
    {
        Exec("create stream s1 trigger at_once watermark 1m into out1 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 100000, 1);
        Settle();
        Write("d1", T0 + 2000, 1);
        Assert.Equal([[T0, 2L], [T0 + 60000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
        Write("d1", T0 + 200000, 1);
        Settle();
        Write("d1", T0 + 3000, 1);
        Assert.Equal([[T0, 2L], [T0 + 60000, 1L], [T0 + 180000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void A_stream_that_cannot_write_keeps_its_error_and_the_others_keep_running()
    {
        Exec("create table `x-1` (ts timestamp, v int)");
        Exec("create stream bad trigger at_once into out1 subtable(concat('x-', cast(groupid as varchar(4)))) as select _wstart, count(*) from meters partition by groupid interval(1m)");
        Exec("create stream good trigger at_once into out2 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0, 1);
        Assert.Equal([[T0, 1L]], Settled("select `_wstart`, `count(*)` from out2"));
        Assert.Equal("Table already exists", Engine.Streams.Failure("bad"));
        Assert.Null(Engine.Streams.Failure("good"));
        Assert.Empty(Rows("select * from `x-1`"));
        Write("d1", T0 + 60000, 1);
        Assert.Equal(2, Settled("select * from out2").Count);
    }
}

public class StreamTargetTests : StreamTestBase
{
    [Fact]
    public void A_target_database_of_another_precision_gets_the_windows_in_its_own()
    {
        Exec("create database micro precision 'us'");
        Exec("create stream s1 trigger at_once into micro.out1 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0 + 1000, 1);
        Write("d1", T0 + 2000, 1);
        Assert.Equal([[T0 * 1000, 2L]], Settled("select `_wstart`, `count(*)` from micro.out1"));
        Affected($"delete from d1 where ts = {T0 + 2000}");
        Assert.Equal([[T0 * 1000, 1L]], Settled("select `_wstart`, `count(*)` from micro.out1"));
        Exec("drop stream s1");
    }

    [Fact]
    public void Declared_tags_take_the_partition_values_in_order_when_their_names_differ()
    {
        Exec("create stream s1 trigger at_once into out1 tags (g int, place varchar(24)) as select _wstart, count(*) from meters partition by groupid, location interval(1m)");
        Write("d1", T0, 1, 1, 3);
        Assert.Equal([[1L, 3, "loc3"]], Settled("select `count(*)`, g, place from out1"));
    }
}
