using Taos.Server.Engine;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>
/// TDengine takes up to 4096 columns + tags (spec A4: "cols+tags > 4096 → 9792 Too many columns"); SQLite stops at
/// 2000 columns per table. Before, <c>create table</c> with 1999+ columns failed with 65535 "SQLite Error 1: 'too
/// many columns on t_N'".
/// </summary>
public sealed class WideTableTests : EngineTestBase
{
    private static string Columns(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => $"c{i} int"));

    [Fact]
    public void A_normal_table_with_4095_columns_stores_reads_and_merges_rows()
    {
        Exec($"create table w (ts timestamp, {Columns(4095)})");
        Assert.Equal(1, Assert.IsType<AffectedRowsResult>(Exec("insert into w (ts, c1, c1500, c4095) values (1704067200000, 1, 1500, 4095)")).AffectedRows);
        // A later write of other columns keeps the earlier ones (spec A2, extra#27-29), across the storage parts.
        Exec("insert into w (ts, c2500) values (1704067200000, 2500)");
        Exec("insert into w (ts, c3) values (1704067201000, 3)");
        var rows = Rows("select c1, c1500, c2500, c4095, c3 from w");
        Assert.Equal(2, rows.Count);
        Assert.Equal([1, 1500, 2500, 4095, null], rows[0]);
        Assert.Equal([null, null, null, null, 3], rows[1]);
        Assert.Equal(2L, Rows("select count(*) from w")[0][0]);

        Reopen();
        Assert.Equal([1, 1500, 2500, 4095, null], Rows("select c1, c1500, c2500, c4095, c3 from w")[0]);

        Exec("drop table w");
        Exec($"create table w (ts timestamp, {Columns(3000)})");
        Assert.Empty(Rows("select * from w"));
    }

    [Fact]
    public void A_wide_super_table_keeps_each_child_apart_and_drops_cleanly()
    {
        Exec($"create stable s (ts timestamp, {Columns(3000)}) tags (g int)");
        Exec("insert into a using s tags (1) (ts, c2999) values (1704067200000, 7) b using s tags (2) (ts, c1) values (1704067200000, 8)");
        var rows = Rows("select tbname, c1, c2999 from s order by tbname");
        Assert.Equal(["a", null, 7], rows[0]);
        Assert.Equal(["b", 8, null], rows[1]);
        Exec("drop table a");
        Assert.Equal(["b", 8, null], Assert.Single(Rows("select tbname, c1, c2999 from s")));
        Exec("drop database d");
        Exec("create database d");
        Exec($"create stable s (ts timestamp, {Columns(3000)}) tags (g int)");
        Exec("create table b using s tags (2)");
        Assert.Empty(Rows("select * from s"));
    }
}
