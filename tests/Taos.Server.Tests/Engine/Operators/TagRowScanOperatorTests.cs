namespace Taos.Server.Tests.Engine.Operators;

/// <summary>
/// <c>SELECT TAGS</c>: one row per child table (with rows or without) when only tags and <c>tbname</c> are named,
/// the rows themselves when a column is named — the cases of TDengine's tsim/query/tag_scan.sim.
/// </summary>
public class TagRowScanOperatorTests : EngineTestBase
{
    public TagRowScanOperatorTests()
    {
        Exec("create stable stt1 (ts timestamp, f int) tags (t int, b varchar(10))");
        Exec("insert into ctt11 using stt1 tags (1, '1aa') values (1704067200000, 1)");
        Exec("insert into ctt12 using stt1 tags (2, '1bb') values (1704067200000, 2)");
        Exec("insert into ctt13 using stt1 tags (3, '1cc') values (1704067200000, 3)");
        Exec("insert into ctt14 using stt1 tags (4, '1dd') values (1704067200000, 4) (1704067201000, 5)");
        Exec("create table ctt15 using stt1 tags (5, '1ee')");
    }

    [Fact]
    public void One_row_per_child_table_even_without_rows()
    {
        Assert.Equal(
            [[1, "1aa"], [2, "1bb"], [3, "1cc"], [4, "1dd"], [5, "1ee"]],
            Rows("select tags t, b from stt1 order by t"));
        Assert.Equal(
            [["ctt15", 5, "1ee"], ["ctt14", 4, "1dd"]],
            Rows("select tags tbname, t, b from stt1 order by t desc limit 2"));
    }

    [Fact]
    public void Where_on_tags_and_tbname_picks_the_tables()
    {
        Assert.Equal([[1, "1aa"]], Rows("select tags t, b from stt1 where t = 1"));
        Assert.Equal([[1, "1aa"]], Rows("select tags t, b from stt1 where tbname = 'ctt11'"));
        Assert.Equal([["ctt13"], ["ctt15"]], Rows("select tags tbname from stt1 where t > 2 and t % 2 = 1 order by tbname"));
    }

    [Fact]
    public void A_child_table_answers_its_own_tags_once()
    {
        Assert.Equal([[4, "1dd"]], Rows("select tags t, b from ctt14"));
    }

    [Fact]
    public void Scalar_functions_of_tags_and_distinct_work_over_the_tag_rows()
    {
        Assert.Equal([["1AA", 2.0]], Rows("select tags upper(b), t + 1 from stt1 where t = 1"));
        Exec("create table ctt16 using stt1 tags (1, 'zz')");
        Assert.Equal([[1], [2], [3], [4], [5]], Rows("select distinct tags t from stt1 order by t"));
    }

    [Fact]
    public void Naming_a_column_reads_the_rows_as_without_tags()
    {
        var rows = Rows("select tags t, b, f from stt1 order by t, f");
        Assert.Equal(5, rows.Count);
        Assert.Equal([4, "1dd", 5], rows[4]);
        Assert.Equal(5, Rows("select tags ts from stt1").Count);
    }

    [Fact]
    public void A_tag_query_as_subquery_counts_the_tables()
    {
        Assert.Equal(5L, Rows("select count(*) from (select tags t from stt1)")[0][0]);
        Assert.Equal(5L, Rows("select count(*) from (select tags ts from stt1)")[0][0]);
    }
}
