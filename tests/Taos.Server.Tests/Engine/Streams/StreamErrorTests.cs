namespace Taos.Server.Tests.Engine.Streams;

public class StreamErrorTests : StreamTestBase
{
    [Theory]
    [InlineData("select _wstart, count(*) from meters interval(1m) order by 1")]
    [InlineData("select _wstart, count(*) from meters interval(1m) limit 1")]
    [InlineData("select _wstart, count(*) from meters interval(1m) fill(prev)")]
    [InlineData("select count(*) from meters")]
    [InlineData("select ts, voltage from meters")]
    [InlineData("select voltage, ts from d1")]
    [InlineData("select count(*) from meters group by groupid")]
    public void Queries_streams_cannot_run_answer_9797(string query)
    {
        Exec("create table d1 using meters tags (1, 'a')");
        Fails("create stream s1 trigger at_once into out1 as " + query, 9797, "Unsupported stream query");
    }

    [Fact]
    public void A_non_window_stream_only_triggers_at_once()
    {
        Exec("create table d1 using meters tags (1, 'a')");
        Fails("create stream s1 trigger window_close into out1 as select ts, voltage from d1", 9797, "The trigger mode of non window query can only be AT_ONCE");
    }

    [Fact]
    public void Options_may_each_be_given_once()
    {
        Fails("create stream s1 watermark 1s watermark 2s into out1 as select _wstart, count(*) from meters interval(1m)", 9728,
            "stream options each item is only set once");
    }

    [Fact]
    public void An_existing_target_must_take_the_query_columns()
    {
        Exec("create stable o1 (ts timestamp, n bigint, x int) tags (group_id bigint unsigned)");
        Fails("create stream s1 into o1 as select _wstart, count(*) from meters interval(1m)", 9791, "Illegal number of columns");
        Exec("create stable o2 (ts timestamp, n int) tags (group_id bigint unsigned)");
        Fails("create stream s1 into o2 as select _wstart, count(*) from meters interval(1m)", 9797, "Unsupported stream query");
        Exec("create table o3 (ts timestamp, n bigint)");
        Fails("create stream s1 into o3 as select _wstart, count(*) from meters interval(1m)", 9797, "Unsupported stream query");
        Exec("create stable o4 (ts timestamp, n bigint) tags (group_id bigint unsigned)");
        Exec("create stream s1 trigger at_once into o4 as select _wstart, count(*) from meters interval(1m)");
        Write("d1", T0, 1);
        Assert.Equal([[T0, 1L]], Settled("select ts, n from o4"));
    }

    [Fact]
    public void Missing_tables_databases_and_tag_sources_are_reported()
    {
        Fails("create stream s1 into out1 as select _wstart, count(*) from nosuch interval(1m)", 9731, "Table does not exist");
        Fails("create stream s1 into nodb.out1 as select _wstart, count(*) from meters interval(1m)", 904, "Database not exist");
        Fails("create stream s1 into out1 tags (nope int) as select _wstart, count(*) from meters partition by groupid, location interval(1m)", 9730,
            "Invalid column name: nope");
        Fails("create stream s1 into out1 subtable('x') as select _wstart, count(*) from meters interval(1m)", 9797, "Unsupported stream query");
        Fails("create stream s1 into out1 as select _wstart, count(nosuch) from meters interval(1m)", 9730, "Invalid column name: nosuch");
        Assert.Empty(Rows("show streams"));
        Assert.Empty(Rows("show stables like 'out1'"));
    }
}
