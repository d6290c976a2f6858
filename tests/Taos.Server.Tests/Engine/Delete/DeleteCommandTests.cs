using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Delete;

public class DeleteCommandTests : EngineTestBase
{
    public DeleteCommandTests()
    {
        Exec("create stable st (ts timestamp, v int, s varchar(8)) tags (g int, n varchar(8))");
        Exec("insert into c1 using st tags (1, 'a') values (1704067200000, 1, 'x') (1704067201000, 2, 'y') (1704067202000, 3, 'z') "
            + "c2 using st tags (2, 'b') values (1704067200000, 10, 'x') (1704067201000, 20, 'y')");
        Exec("create table nt (ts timestamp, v int)");
        Exec("insert into nt values (1704067200000, 1) (1704067201000, 2) (1704067202000, 3)");
    }

    [Fact]
    public void Deletes_a_time_range_of_a_normal_table_and_counts_it()
    {
        Assert.Equal(2, Affected("delete from nt where ts >= 1704067201000"));
        Assert.Equal(0, Affected("delete from nt where ts >= 1704067201000"));
        Assert.Equal([[1704067200000L, 1]], Rows("select * from nt"));
        Assert.Equal(1, Affected("delete from d.nt"));
        Assert.Empty(Rows("select * from nt"));
    }

    [Fact]
    public void Deletes_from_a_child_table_only()
    {
        Assert.Equal(2, Affected("delete from c1 where ts between 1704067200000 and 1704067201000"));
        Assert.Equal([["c1", 3], ["c2", 10], ["c2", 20]], Rows("select tbname, v from st order by tbname, ts"));
    }

    [Fact]
    public void Deletes_from_every_child_of_a_super_table_or_those_its_tag_conditions_pick()
    {
        Assert.Equal(2, Affected("delete from st where g = 2 and ts >= 1704067200000"));
        Assert.Equal(3, Rows("select * from st").Count);
        Assert.Equal(1, Affected("delete from st where ts = '2024-01-01 00:00:01'"));
        Assert.Equal(2, Affected("delete from st"));
        Assert.Equal([[0L]], Rows("select count(*) from st"));
        Assert.Equal(3, Rows("show tables").Count);
    }

    [Fact]
    public void Where_may_only_hold_the_time_range_and_tags()
    {
        Fails("delete from c1 where v = 3", 9813, "The DELETE statement must only have a definite time window range");
        Fails("delete from st where ts > 0 and s = 'x'", 9813, "The DELETE statement must only have a definite time window range");
        Fails("delete from st where tbname = 'c2'", 9804, "Invalid tbname pseudo column");
        Fails("delete from st where n = 'b'", 1807, "invalid input");
        Fails("delete from nosuch", 9826, "Fail to get table info, error: Table does not exist");
        Fails("delete from nodb.nt", 904, "Database not exist");
        Fails("delete from nt", 9750, "Database not specified", new SqlSession());
        Assert.Equal(8, Rows("select * from st").Count + Rows("select * from nt").Count);
    }

    [Fact]
    public void Deleted_rows_stay_deleted_after_a_restart()
    {
        Assert.Equal(1, Affected("delete from c2 where ts = 1704067201000"));
        Reopen();
        Assert.Equal([[1704067200000L, 10]], Rows("select ts, v from c2"));
        Exec("insert into c2 values (1704067201000, 21, 'n')");
        Assert.Equal(2, Rows("select * from c2").Count);
    }

    [Fact]
    public void Deletes_at_microsecond_precision_and_before_1970_inside_keep()
    {
        Exec("create database us precision 'us' keep 36500");
        Exec("create table us.u (ts timestamp, v int)");
        Exec("insert into us.u values (1704067200000001, 1) (1704067200000002, 2) (-1, 9) (-86400000000, 8)");
        Assert.Equal(1, Affected("delete from us.u where ts = 1704067200000002"));
        Assert.Equal(1, Affected("delete from us.u where ts < '1970-01-01 00:00:00.000001' and ts > -86400000000"));
        Assert.Equal([[-86400000000L, 8], [1704067200000001L, 1]], Rows("select * from us.u order by ts"));
    }

    [Fact]
    public void Deletes_more_rows_than_one_storage_chunk_holds()
    {
        var entry = Store.FindEntry("d", "nt")!;
        Store.Write(w =>
        {
            w.UpsertRows(entry, [0, 1], Enumerable.Range(0, 25_001).Select(i => new object?[] { 1_000_000L + i, i }));
            return 0;
        });
        Assert.Equal(25_001, Affected("delete from nt where ts >= 1000000 and ts <= 1025000"));
        Assert.Equal(3, Rows("select * from nt").Count);
    }
}
