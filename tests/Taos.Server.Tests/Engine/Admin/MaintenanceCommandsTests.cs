using Taos.Server.Engine;
using Taos.Server.Engine.Admin;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>COMPACT, TRIM and FLUSH DATABASE, done on the store.</summary>
public class MaintenanceCommandsTests : EngineTestBase
{
    private CompactRegistry Compacts => Engine.Admin.Compacts;

    [Fact]
    public async Task Compact_answers_accepted_with_an_id_that_keeps_growing_across_restarts()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1) (1704067201000, 2)");
        var r = Assert.IsType<RowSetResult>(Exec("compact database d"));
        Assert.Equal(
            [new ResultColumn("result", TaosDataType.VarChar, 30), new("id", TaosDataType.Int, 4), new("reason", TaosDataType.VarChar, 126)],
            r.Columns);
        Assert.Equal(["accepted", 1, "success"], Assert.Single(r.Rows));
        await Compacts.Completion(1);
        Assert.Empty(Rows("show compacts"));
        Assert.Equal(2, Assert.Single(Assert.IsType<RowSetResult>(Exec("compact database d start with 1704067200000 end with '2024-01-02'")).Rows)[1]);
        await Compacts.Completion(2);
        Reopen();
        Assert.Equal(3, Assert.Single(Assert.IsType<RowSetResult>(Exec("compact database d")).Rows)[1]);
        await Engine.Admin.Compacts.Completion(3);
        Assert.Equal(2L, Rows("select count(*) from t")[0][0]);
    }

    [Fact]
    public void Compact_trim_and_flush_of_a_missing_database_fail_as_the_mnode_does()
    {
        Fails("compact database nosuch", 0x0388, "Database not exist");
        Fails("trim database nosuch", 0x0388, "Database not exist");
        Fails("flush database nosuch", 0x0388, "Database not exist");
    }

    [Fact]
    public void Show_compact_n_has_the_detail_columns()
    {
        var r = Assert.IsType<RowSetResult>(Exec("show compact 7"));
        Assert.Equal(["compact_id", "vgroup_id", "dnode_id", "number_fileset", "finished", "start_time"], r.Columns.Select(c => c.Name));
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Trim_deletes_the_rows_older_than_keep()
    {
        Exec("create database k keep 36500");
        Exec("create table k.old (ts timestamp, v int)");
        Exec("create stable k.st (ts timestamp, v int) tags (g int)");
        Exec("insert into k.old values ('2000-01-01 00:00:00', 1) (now, 2) k.c1 using k.st tags (1) values ('2001-01-01 00:00:00', 3) (now, 4)");
        Assert.Equal(0, Affected("trim database k"));
        Assert.Equal(2, Rows("select * from k.old").Count);
        Exec("alter database k keep 3650");
        Assert.Equal(0, Affected("trim database k bwlimit 100"));
        Assert.Equal(2, Assert.Single(Rows("select v from k.old"))[0]);
        Assert.Equal(4, Assert.Single(Rows("select v from k.st"))[0]);
    }

    [Fact]
    public void Flush_empties_the_write_ahead_log()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Assert.True(new FileInfo(Path.Combine(Dir, "taos.db-wal")).Length > 0);
        Assert.Equal(0, Affected("flush database d"));
        Assert.Equal(0, new FileInfo(Path.Combine(Dir, "taos.db-wal")).Length);
        Assert.Single(Rows("select * from t"));
    }
}
