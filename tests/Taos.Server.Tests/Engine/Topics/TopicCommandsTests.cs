using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Topics;

public class TopicCommandsTests : EngineTestBase
{
    private const string TopicsQuery = "select topic_name, db_name, `sql`, `meta`, `type` from information_schema.ins_topics order by topic_name";

    [Fact]
    public void Topics_of_every_kind_list_in_ins_topics_and_show_topics_and_survive_a_restart()
    {
        Meters();
        Exec("create table d1 using meters tags (1, 'x')");
        Exec("create topic t1 as select ts, `current` from meters where voltage > 1");
        Exec("create topic T2 with meta as stable meters where groupid > 1");
        Exec("create topic t3 only meta as database d");
        Reopen();
        Assert.Equal(
            [
                ["t1", "d", "create topic t1 as select ts, `current` from meters where voltage > 1", "no", "column"],
                ["t2", "d", "create topic t2 with meta as stable meters where groupid > 1", "yes", "stable"],
                ["t3", "d", "create topic t3 only meta as database d", "yes", "db"],
            ],
            Rows(TopicsQuery));
        var show = Assert.IsType<RowSetResult>(Exec("show topics"));
        Assert.Equal(["topic_name", "db_name", "create_time", "sql", "schema", "meta", "type"], show.Columns.Select(c => c.Name));
        Assert.Equal(3, show.Rows.Count());
        Assert.Equal(0, Affected("drop topic t2"));
        Reopen();
        Assert.Equal(["t1", "t3"], Rows(TopicsQuery).Select(r => (string)r[0]!));
    }

    [Fact]
    public void Topic_errors_are_tdengines()
    {
        Meters();
        Exec("create table nt (ts timestamp, a int)");
        Exec("create topic t1 as select * from nt");
        Fails("create topic t1 as stable meters", 992, "Topic already exists");
        Assert.Equal(0, Affected("create topic if not exists t1 as stable meters"));
        Fails("create topic x as select count(*) from meters", 9785, "Invalid topic query");
        Fails("create topic x as select ts from meters order by ts", 9785, "Invalid topic query");
        Fails("create topic x as select ts from meters interval(1s)", 9785, "Invalid topic query");
        Fails("create topic x as stable nt", 866, "STable not exist");
        Fails("create topic x as database nodb", 896, "Database not specified or available");
        Fails("create topic x as select ts from nosuch", 9826, "Fail to get table info, error: Table does not exist");
        Fails("drop topic x", 993, "Topic not exist");
        Assert.Equal(0, Affected("drop topic if exists x"));
        Assert.Single(Rows(TopicsQuery));
    }

    [Fact]
    public void A_super_table_or_database_a_topic_reads_is_not_dropped()
    {
        Meters();
        Exec("create table nt (ts timestamp, a int)");
        Exec("create topic t1 as stable meters");
        Exec("create topic t2 as select ts, a from nt");
        Fails("drop stable meters", 1005, "Topic must be dropped first");
        Fails("drop database d", 1005, "Topic must be dropped first");
        Assert.Equal(0, Affected("drop table nt"));
        Exec("drop topic t1");
        Exec("drop topic t2");
        Assert.Equal(0, Affected("drop stable meters"));
        Assert.Equal(0, Affected("drop database d"));
    }
}
