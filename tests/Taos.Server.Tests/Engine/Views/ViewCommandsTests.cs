using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Views;

public class ViewCommandsTests : EngineTestBase
{
    public ViewCommandsTests()
        : base(edition: TaosServerEdition.Enterprise)
    {
        Meters();
        Exec("insert into d1 using meters tags (1, 'sf') values (1704067200000, 10.5, 220, 0.5) (1704067201000, 11.5, 221, 0.6)");
        Exec("insert into d2 using meters tags (2, 'la') values (1704067200000, 20.5, 230, 0.7)");
    }

    [Fact]
    public void A_view_is_read_like_a_table_with_its_querys_columns()
    {
        Assert.Equal(0, Affected("create view v1 as select ts, `current`, location from meters where voltage > 220"));
        var result = Assert.IsType<RowSetResult>(Exec("select * from v1 order by ts"));
        Assert.Equal(["ts", "current", "location"], result.Columns.Select(c => c.Name));
        Assert.Equal(
            [[1704067200000L, 20.5f, "la"], [1704067201000L, 11.5f, "sf"]],
            result.Rows.ToList());
        Assert.Equal([[2L]], Rows("select count(*) from d.v1"));
        Assert.Equal([[20.5f]], Rows("select max(`current`) from v1 where location = 'la'"));
    }

    [Fact]
    public void Views_over_views_joins_and_unions_with_views()
    {
        Exec("create view v1 as select ts, `current` from d1");
        Exec("create view v2 as select ts, `current` * 2 as c2 from v1");
        Assert.Equal([[1704067200000L, 21.0], [1704067201000L, 23.0]], Rows("select * from v2 order by ts"));
        Assert.Equal([[1704067200000L, 10.5f, 20.5f]], Rows("select a.ts, a.`current`, b.`current` from v1 a join d2 b on a.ts = b.ts"));
        Assert.Equal(3, Rows("select ts from v1 union all select ts from d2").Count);
        Exec("create view vu as select ts from d1 union all select ts from d2");
        Assert.Equal([[3L]], Rows("select count(*) from vu"));
    }

    [Fact]
    public void A_views_query_reads_in_the_views_database_not_the_sessions()
    {
        Exec("create view v1 as select ts, voltage from meters");
        Exec("create database other");
        var inOther = new SqlSession { Database = "other" };
        Assert.Equal([[3L]], Rows("select count(*) from d.v1", inOther));
        Exec("create view other.v2 as select count(*) from d.meters", inOther);
        Assert.Equal([[3L]], Rows("select * from other.v2"));
    }

    [Fact]
    public void Show_views_show_create_view_describe_and_ins_views()
    {
        Exec("create view v1 as select ts, location from meters");
        Exec("create view w2 as select avg(voltage) from d1");
        Assert.Equal([["v1"], ["w2"]], Rows("show views"));
        Assert.Equal([["v1"]], Rows("show d.views like 'v%'"));
        var create = Assert.IsType<RowSetResult>(Exec("show create view v1"));
        Assert.Equal([("View", TaosDataType.VarChar, 275), ("Create View", TaosDataType.VarChar, 1048576)], create.Columns.Select(c => (c.Name, c.Type, c.Length)));
        Assert.Equal([["`d`.`v1`", "CREATE VIEW `d`.`v1` AS select ts, location from meters"]], create.Rows.ToList());
        Assert.Equal(
            [["ts", "TIMESTAMP", 8, ""], ["location", "VARCHAR", 24, ""]],
            Rows("describe v1"));
        Assert.Equal([["avg(voltage)", "DOUBLE", 8, ""]], Rows("desc d.w2"));
        var ins = Assert.IsType<RowSetResult>(Exec("select * from information_schema.ins_views order by view_name"));
        Assert.Equal(
            ["view_name", "db_name", "effective_user", "create_time", "type", "query_sql", "parameters", "default_values", "target_table"],
            ins.Columns.Select(c => c.Name));
        Assert.Equal([192, 64, 24, 8, 128, 1024, 2048, 2048, 192], ins.Columns.Select(c => c.Length));
        var row = ins.Rows.First();
        Assert.Equal(["v1", "d", "root", "NORMAL ", "select ts, location from meters", null, null, null], row.Where((_, i) => i != 3));
    }

    [Fact]
    public void Create_or_replace_replaces_and_drop_removes()
    {
        Exec("create view v1 as select ts from d1");
        Fails("create view v1 as select ts from d2", 0x04A0, "view already exists in db");
        Assert.Equal(0, Affected("create or replace view v1 as select ts, voltage from d2"));
        Assert.Equal([[1704067200000L, 230]], Rows("select * from v1"));
        Assert.Equal(0, Affected("drop view v1"));
        Fails("drop view v1", 0x04A1, "view not exists in db");
        Assert.Equal(0, Affected("drop view if exists v1"));
        Fails("select * from v1", 9826, "Fail to get table info, error: Table does not exist");
        Fails("show create view v1", 0x04A1, "view not exists in db");
        Fails("describe v1", 9731, "Table does not exist");
    }

    [Fact]
    public void View_errors_are_tdengines()
    {
        var noDb = new SqlSession();
        Fails("create view v as select 1", 9750, "Database not specified", noDb);
        Fails("drop view v", 9750, "Database not specified", noDb);
        Fails("show views", 9750, "Database not specified", noDb);
        Fails("create view nodb.v as select 1", 904, "Database not exist");
        Fails("create view v as select * from nosuch", 9826, "Fail to get table info, error: Table does not exist");
        Fails("create view v as select nosuch from d1", 9730, "Invalid column name: nosuch");
        Exec("create view v as select ts, voltage from d1");
        Fails("insert into v values (1704067300000, 1)", 9731, "Table does not exist");
        Assert.Equal([[2L]], Rows("select count(*) from d1"));
        Exec("create table nt (ts timestamp, v int)");
        Assert.Equal(2, Affected("insert into nt select ts, voltage from v"));
        Assert.Equal([[1704067200000L, 220], [1704067201000L, 221]], Rows("select * from nt"));
    }

    [Fact]
    public void A_definition_that_reads_itself_is_refused()
    {
        Exec("create view v1 as select ts from d1");
        Exec("create view v2 as select ts from v1");
        Fails("create or replace view v1 as select ts from v2", 0x266C, "Invalid view query type");
        Fails("create or replace view v1 as select a.ts from v2 a join d2 b on a.ts = b.ts", 0x266C, "Invalid view query type");
        Assert.Equal([[2L]], Rows("select count(*) from v2"));
    }

    [Fact]
    public void A_circle_closed_by_dropping_a_table_fails_when_read()
    {
        Exec("create table t (ts timestamp, a int)");
        Exec("create view v1 as select ts from t");
        Exec("create view t as select ts from v1");
        Assert.Empty(Rows("select * from t"));
        Exec("drop table t");
        Fails("select * from v1", 0x266C, "Invalid view query type");
        Fails("select * from t", 0x266C, "Invalid view query type");
        Assert.Equal([[2L]], Rows("select count(*) from d1"));
    }

    [Fact]
    public void Ins_views_cuts_a_long_query_to_its_column()
    {
        string columns = string.Join(", ", Enumerable.Repeat("voltage", 200));
        Exec("create view wide as select " + columns + " from d1");
        var row = Assert.Single(Rows("select query_sql from information_schema.ins_views"));
        Assert.Equal(("select " + columns)[..1024], row[0]);
        Assert.Equal("CREATE VIEW `d`.`wide` AS select " + columns + " from d1", Rows("show create view wide")[0][1]);
    }

    [Fact]
    public void A_table_of_the_same_name_wins_over_the_view()
    {
        Exec("create view nt as select ts from d1");
        Exec("create table nt (ts timestamp, a int)");
        Exec("insert into nt values (1704067200000, 7)");
        Assert.Equal([[1704067200000L, 7]], Rows("select * from nt"));
        Assert.Equal([["ts", "TIMESTAMP", 8, "", "delta-i", "lz4", "medium"], ["a", "INT", 4, "", "simple8b", "lz4", "medium"]], Rows("describe nt"));
        Assert.Equal([["nt"]], Rows("show views"));
    }

    [Fact]
    public void Views_survive_a_restart_and_go_with_their_database()
    {
        Exec("create view v1 as select ts, voltage from d1");
        Exec("create database other");
        Exec("create view other.v2 as select ts from d.d2");
        Reopen();
        Assert.Equal([[1704067200000L, 220], [1704067201000L, 221]], Rows("select * from v1"));
        Assert.Equal([["v1", "d"], ["v2", "other"]], Rows("select view_name, db_name from information_schema.ins_views"));
        Exec("drop database d");
        Reopen();
        Assert.Equal([["v2", "other"]], Rows("select view_name, db_name from information_schema.ins_views"));
        Exec("create database d");
        Assert.Empty(Rows("show d.views"));
        Fails("select * from other.v2", 9826, "Fail to get table info, error: Table does not exist");
    }
}
