namespace Taos.Server.Tests.Engine.Binding;

/// <summary>
/// Joins beyond two tables and the timestamp equality: chains of inner joins, ON's other terms, the tags and
/// <c>tbname</c> of a joined super table, <c>*</c> and <c>t.*</c>, and TDengine 3.3's refusals of nested outer joins.
/// </summary>
public class JoinResolverTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public JoinResolverTests()
    {
        Exec("create table a (ts timestamp, v int)");
        Exec("create table b (ts timestamp, x int)");
        Exec("create table c (ts timestamp, y int)");
        Exec($"insert into a values ({T0}, 1) ({T0 + 1000}, 2) ({T0 + 2000}, 3)");
        Exec($"insert into b values ({T0}, 10) ({T0 + 1000}, 20) ({T0 + 2000}, 30)");
        Exec($"insert into c values ({T0}, 100) ({T0 + 2000}, 300) ({T0 + 4000}, 500)");
        Exec("create stable st (ts timestamp, w int) tags (loc varchar(8), g int)");
        Exec($"insert into s1 using st tags ('north', 1) values ({T0}, 7) ({T0 + 1000}, 8)");
        Exec($"insert into s2 using st tags ('south', 2) values ({T0 + 2000}, 9)");
    }

    [Fact]
    public void Three_tables_join_in_a_chain_of_on_clauses_or_in_where()
    {
        object?[][] want = [[T0, 1, 10, 100], [T0 + 2000, 3, 30, 300]];
        Assert.Equal(want, Rows("select a.ts, a.v, b.x, c.y from a join b on a.ts = b.ts join c on b.ts = c.ts order by a.ts"));
        Assert.Equal(want, Rows("select a.ts, a.v, b.x, c.y from a join b on a.ts = b.ts join c on c.ts = a.ts order by a.ts"));
        Assert.Equal(want, Rows("select a.ts, a.v, b.x, c.y from a, b, c where a.ts = b.ts and b.ts = c.ts order by a.ts"));
    }

    [Fact]
    public void A_chain_needs_the_timestamp_equality_at_every_join()
    {
        Fails("select a.v from a join b on a.ts = b.ts join c on c.y = b.x", 9985, "primary timestamp equal condition is expected in join conditions");
    }

    [Fact]
    public void Outer_joins_do_not_take_a_join_as_an_input()
    {
        Fails("select a.v from a join b on a.ts = b.ts left join c on b.ts = c.ts", 9828, "unsupported nested join type");
        Fails("select a.v from a left join (select b.ts, b.x from b join c on b.ts = c.ts) q on a.ts = q.ts", 9828, "unsupported nested join type");
        // An inner join may take one: the check is on the join whose input is a join.
        Assert.Equal([[1], [3]], Rows("select a.v from a left join b on a.ts = b.ts join c on a.ts = c.ts order by a.ts"));
    }

    [Fact]
    public void Asof_and_window_joins_take_tables_only()
    {
        Fails("select a.v from a left asof join (select ts, x from b) q on a.ts >= q.ts", 9828, "Only support ASOF/WINDOW join between tables");
    }

    [Fact]
    public void Asof_without_on_matches_the_latest_row_at_or_before_and_other_joins_need_on()
    {
        Fails("select a.v from a left join b where a.ts = b.ts", 9985, "primary timestamp equal condition is expected in join conditions");
        Assert.Equal([[1, 10]], Rows("select a.v, b.x from a join b where a.ts = b.ts and a.v = 1"));
        Assert.Equal([[1, 100], [2, 100], [3, 300]], Rows("select a.v, c.y from a left asof join c order by a.ts"));
    }

    [Fact]
    public void On_terms_beside_the_timestamp_equality_decide_which_pairs_match()
    {
        Assert.Equal([[2, 20], [3, 30]], Rows("select a.v, b.x from a join b on a.ts = b.ts and b.x > 10 order by a.ts"));
        // An outer join keeps the left rows whose pair fails the terms, with NULLs.
        Assert.Equal([[1, null], [2, 20], [3, 30]], Rows("select a.v, b.x from a left join b on a.ts = b.ts and b.x > 10 order by a.ts"));
        Assert.Equal([[1]], Rows("select a.v from a left anti join b on a.ts = b.ts and b.x > 10"));
        Assert.Equal([[2], [3]], Rows("select a.v from a left semi join b on a.ts = b.ts and a.v * 10 = b.x and b.x >= 20 order by a.ts"));
    }

    [Fact]
    public void Asof_on_terms_pick_the_nearest_row_that_meets_them()
    {
        Assert.Equal([[1, null], [2, null], [3, 100]], Rows("select a.v, c.y from a left asof join c on a.ts >= c.ts and c.y < 300 and a.v > 2 order by a.ts"));
    }

    [Fact]
    public void Tags_and_tbname_of_a_joined_super_table_are_selectable_and_filterable()
    {
        Assert.Equal(
            [[T0, 1, "s1", "north", 7], [T0 + 1000, 2, "s1", "north", 8], [T0 + 2000, 3, "s2", "south", 9]],
            Rows("select a.ts, a.v, s.tbname, s.loc, s.w from a join st s on a.ts = s.ts order by a.ts"));
        Assert.Equal([[3, 2]], Rows("select a.v, s.g from a join st s on a.ts = s.ts and s.loc = 'south'"));
        Assert.Equal([[1], [2]], Rows("select a.v from a join st s on a.ts = s.ts where s.tbname = 's1' order by a.ts"));
    }

    [Fact]
    public void Star_is_every_input_column_without_tags_and_a_qualified_star_one_input()
    {
        var all = Assert.IsType<Taos.Server.Engine.RowSetResult>(Exec("select * from a join st s on a.ts = s.ts"));
        Assert.Equal(["ts", "v", "ts", "w"], all.Columns.Select(c => c.Name));
        Assert.Equal([[T0, 1, T0, 7]], Rows("select * from a join st s on a.ts = s.ts where a.v = 1"));
        Assert.Equal([[T0, 7]], Rows("select s.* from a join st s on a.ts = s.ts where a.v = 1"));
    }

    [Fact]
    public void Timetruncate_of_both_timestamps_is_a_primary_condition()
    {
        Exec("create table d (ts timestamp, z int)");
        Exec($"insert into d values ({T0 + 300}, 3) ({T0 + 1700}, 17)");
        Assert.Equal(
            [[T0, 1, T0 + 300, 3], [T0 + 1000, 2, T0 + 1700, 17]],
            Rows("select a.ts, a.v, d.ts, d.z from a join d on timetruncate(a.ts, 1s) = timetruncate(d.ts, 1s) order by a.ts"));
        Assert.Equal(
            [[1, 3], [2, 17], [3, null]],
            Rows("select a.v, d.z from a left join d on timetruncate(a.ts, 1s) = timetruncate(d.ts, 1s) order by a.ts"));
    }

    [Fact]
    public void Inputs_named_alike_are_refused_and_aliases_tell_them_apart()
    {
        Fails("select a.v from a join a on a.ts = a.ts", 9827, "Not unique table/alias: 'a'");
        Fails("select a.v from a, b a where a.ts = a.ts", 9827, "Not unique table/alias: 'a'");
        Assert.Equal([[1, 1], [2, 2], [3, 3]], Rows("select p.v, q.v from a p join a q on p.ts = q.ts order by p.ts"));
    }

    [Fact]
    public void A_name_two_inputs_offer_needs_its_qualifier()
    {
        Fails("select v, x from a join b on a.ts = b.ts where ts > 0", 9732, "Column ambiguously defined: ts");
        Fails("select loc from st p join st q on p.ts = q.ts", 9732, "Column ambiguously defined: loc");
        Assert.Equal([[T0, 1, 10]], Rows("select a.ts, v, x from a join b on a.ts = b.ts where v = 1 order by ts"));
    }

    [Fact]
    public void The_driving_inputs_timestamp_is_the_result_timeline()
    {
        Assert.Equal([[T0, 100], [T0 + 2000, 300], [T0 + 4000, 500]], Rows("select _rowts, c.y from a right join c on a.ts = c.ts order by c.ts"));
        Assert.Equal([[T0, 1], [T0 + 1000, 2], [T0 + 2000, 3]], Rows("select _rowts, a.v from a left join c on a.ts = c.ts order by a.ts"));
    }
}
