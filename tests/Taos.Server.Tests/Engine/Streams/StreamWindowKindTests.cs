namespace Taos.Server.Tests.Engine.Streams;

public class StreamWindowKindTests : StreamTestBase
{
    public StreamWindowKindTests()
    {
        Exec("create table d1 using meters tags (1, 'a')");
    }

    [Fact]
    public void A_session_stream_merges_sessions_a_row_joins()
    {
        Exec("create stream s1 trigger at_once ignore expired 0 into out1 as select _wstart, count(*) from d1 session(ts, 20s)");
        Write("d1", T0, 1);
        Write("d1", T0 + 30000, 1);
        Assert.Equal([[T0, 1L], [T0 + 30000, 1L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
        Write("d1", T0 + 15000, 1);
        Assert.Equal([[T0, 3L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void A_state_window_stream_writes_each_state_run()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*), first(voltage) from d1 state_window(voltage)");
        Write("d1", T0, 1, 1);
        Settle();
        Write("d1", T0 + 1000, 1, 1);
        Settle();
        Write("d1", T0 + 2000, 1, 2);
        Assert.Equal([[T0, 2L, 1], [T0 + 2000, 1L, 2]], Settled("select `_wstart`, `count(*)`, `first(voltage)` from out1 order by 1"));
    }

    [Fact]
    public void A_state_window_stream_with_window_close_holds_the_open_state_back()
    {
        Exec("create stream s1 trigger window_close into out1 as select _wstart, count(*) from d1 state_window(voltage)");
        Write("d1", T0, 1, 1);
        Write("d1", T0 + 1000, 1, 1);
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 2000, 1, 2);
        Assert.Equal([[T0, 2L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void An_event_window_stream_writes_closed_events()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*) from d1 event_window start with voltage > 10 end with voltage < 5");
        Write("d1", T0, 1, 20);
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 1000, 1, 15);
        Assert.Empty(Settled("select * from out1"));
        Write("d1", T0 + 2000, 1, 1);
        Assert.Equal([[T0, 3L]], Settled("select `_wstart`, `count(*)` from out1 order by 1"));
    }

    [Fact]
    public void A_count_window_stream_writes_windows_of_n_rows()
    {
        Exec("create stream s1 trigger at_once into out1 as select _wstart, count(*), sum(voltage) from d1 count_window(2)");
        Write("d1", T0, 1, 1);
        Write("d1", T0 + 1000, 1, 2);
        Write("d1", T0 + 2000, 1, 3);
        Assert.Equal([[T0, 2L, 3L], [T0 + 2000, 1L, 3L]], Settled("select `_wstart`, `count(*)`, `sum(voltage)` from out1 order by 1"));
    }

    [Fact]
    public void A_stream_without_window_projects_each_written_row()
    {
        Exec("create stream s1 into out1 as select ts, voltage * 2 as v2 from meters partition by tbname");
        Write("d1", T0, 1, 5);
        Write("d2", T0, 1, 7, 2);
        Assert.Equal([[T0, 10.0], [T0, 14.0]], Settled("select ts, v2 from out1 order by v2"));
        Assert.Equal("at once", Rows("select `trigger` from information_schema.ins_streams")[0][0]);
    }
}
