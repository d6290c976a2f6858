namespace Taos.Server.Tests.Engine.Binding;

/// <summary>
/// NULL in comparisons, IN and COUNT, WHERE folded to false, and the HAVING checks, as TDengine 3.3.0.1 answers them
/// (rest-breadth.jsonl, script qry).
/// </summary>
public class NullSemanticsAndHavingTests : EngineTestBase
{
    public NullSemanticsAndHavingTests()
    {
        Exec("create stable m (ts timestamp, v int) tags (g int)");
        Exec("insert into m1 using m tags (1) values (1704067200000, 1) (1704067201000, 2) (1704067202000, null)");
        Exec("insert into m2 using m tags (2) values (1704067200000, 5)");
    }

    [Fact]
    public void Comparisons_with_null_are_false_and_not_in_a_list_holding_null_is_never_true()
    {
        var rows = Rows("select v > null, v in (1, null), v not in (1, null), v < 2 from m1 order by ts");
        Assert.Equal([[false, true, false, true], [false, false, false, false], [false, false, false, false]], rows);
        Assert.Equal([[false, true]], Rows("select null = null, null is null"));
        Assert.Empty(Rows("select v from m1 where v not in (1, null)"));
    }

    [Fact]
    public void Count_of_null_is_zero_and_a_where_folded_to_false_has_no_rows_at_all()
    {
        Assert.Equal([[3L, 2L, 0L]], Rows("select count(*), count(v), count(null) from m1"));
        Assert.Empty(Rows("select count(*) from m where g = null"));
        Assert.Equal([[0L]], Rows("select count(*) from m where g = 7"));
        Assert.Equal([[4L]], Rows("select count(*) from m where 1"));
        Assert.Empty(Rows("select count(*) from m where 0"));
    }

    [Fact]
    public void Not_over_a_comparison_in_where_is_tdengines_generic_error()
    {
        Fails("select v from m1 where not (v = 1)", 272, "Unexpected generic error");
    }

    [Fact]
    public void Having_needs_a_grouping_and_names_only_keys_and_aggregates()
    {
        Fails("select count(*) from m having count(*) > 1", 9738, "Not a GROUP BY expression");
        Fails("select g, count(*) from m group by g having v > 1", 9738, "Not a GROUP BY expression");
        Assert.Equal([[1, 3L]], Rows("select g, count(*) from m group by g having count(*) > 2"));
    }

    [Fact]
    public void A_window_without_aggregates_over_a_plain_column_is_an_invalid_usage()
    {
        Fails("select _wstart, v from m1 interval(10s)", 9831, "Invalid usage of expr: v");
    }

    [Fact]
    public void Slimit_under_order_by_sees_the_partitions_as_one_group()
    {
        Assert.Equal([["m1", 3L], ["m2", 1L]], Rows("select tbname, count(*) from m partition by tbname order by tbname slimit 1"));
        Assert.Single(Rows("select tbname, count(*) from m partition by tbname slimit 1"));
        Assert.Empty(Rows("select tbname, count(*) from m partition by tbname order by tbname slimit 1 soffset 1"));
    }
}
