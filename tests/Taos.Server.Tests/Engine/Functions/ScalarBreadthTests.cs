using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Functions;

/// <summary>Scalar functions as TDengine 3.3.0.1 answers them (rest-breadth.jsonl, script fn).</summary>
public class ScalarBreadthTests : EngineTestBase
{
    [Fact]
    public void Char_length_of_a_varchar_counts_bytes_and_md5_is_hex()
    {
        Assert.Equal([[6L, 6L]], Rows("select length('涛思'), char_length('涛思')"));
        Assert.Equal([["900150983cd24fb0d6963f7d28e17f72"]], Rows("select md5('abc')"));
    }

    [Fact]
    public void Substr_clamps_a_start_before_the_first_character_and_refuses_position_zero()
    {
        Assert.Equal([["abcdef", "ef"]], Rows("select substr('abcdef', -10), substr('abcdef', -2)"));
        Fails("select substr('abcdef', 0)", 10243, "Invalid parameter value : substr");
    }

    [Fact]
    public void Cast_reads_integers_as_strtoll_and_out_of_range_doubles_as_int64_min()
    {
        Assert.Equal([[1, 12, long.MinValue]], Rows("select cast('1e3' as int), cast(' 12 ' as int), cast(1.5e19 as bigint)"));
        Assert.Equal([[1000d]], Rows("select cast('1e3' as double)"));
    }

    [Fact]
    public void Several_diff_and_csum_calls_line_up_by_position_and_top_with_bottom_is_refused()
    {
        Exec("create table t (ts timestamp, v int, f float)");
        Exec("insert into t values (1704067200000, 1, 1) (1704067201000, 3, null) (1704067202000, 6, 4)");
        // diff(f): 2s has f NULL, so a NULL row; the ts shown is the last call's row.
        Assert.Equal([[1704067201000L, 2L, null], [1704067202000L, 3L, 3d]], Rows("select ts, diff(v), diff(f) from t"));
        Assert.Equal([[1704067200000L, 1L, 1d], [1704067202000L, 4L, 5d], [1704067202000L, 10L, null]], Rows("select ts, csum(v), csum(f) from t"));
        Fails("select top(v, 2), bottom(v, 2) from t", 9807,
            "Some functions are allowed only in the SELECT list of a query. And, cannot be mixed with other non scalar functions or columns.");
    }

    [Fact]
    public void Derivative_statecount_and_stateduration_follow_the_rows()
    {
        Exec("create table s (ts timestamp, v int)");
        Exec("insert into s values (1704067200000, 1) (1704067202000, 5) (1704067203000, null) (1704067204000, 9) (1704067205000, 0)");
        Assert.Equal([[2d], [2d], [-9d]], Rows("select derivative(v, 1s, 0) from s"));
        Assert.Equal([[2d], [2d]], Rows("select derivative(v, 1s, 1) from s"));
        Assert.Equal([[-1L], [1L], [null], [2L], [-1L]], Rows("select statecount(v, 'GT', 2) from s"));
        Assert.Equal([[-1L], [0L], [null], [2000L], [-1L]], Rows("select stateduration(v, 'gt', 2) from s"));
        Assert.Equal([[-1L], [0L], [null], [2L], [-1L]], Rows("select stateduration(v, 'GT', 2, 1s) from s"));
    }

    [Fact]
    public void Percentile_of_several_percents_is_text_and_only_for_single_tables()
    {
        Exec("create stable st (ts timestamp, v int) tags (g int)");
        Exec("insert into c1 using st tags (1) values (1704067200000, 1) (1704067201000, 2) (1704067202000, 3)");
        var result = Assert.IsType<RowSetResult>(Exec("select percentile(v, 50), percentile(v, 0, 100) from c1"));
        Assert.Equal(new ResultColumn("percentile(v, 0, 100)", TaosDataType.VarChar, 510), result.Columns[1]);
        Assert.Equal([[2d, "[1.000000, 3.000000]"]], result.Rows.ToList());
        Fails("select percentile(v, 50) from st", 9823, "percentile is only supported in single table query");
        Assert.Single(Rows("select apercentile(v, 50) from st"));
    }

    [Fact]
    public void To_json_keeps_only_objects_of_scalars()
    {
        var result = Assert.IsType<RowSetResult>(Exec("select to_json('{\"k\":1}'), to_json('{}'), to_json('bad'), to_json('{\"k\":{\"n\":1}}')"));
        Assert.Equal(new ResultColumn("to_json('{\"k\":1}')", TaosDataType.Json, 4095), result.Columns[0]);
        Assert.Equal([["{\"k\":1}", null, null, null]], result.Rows.ToList());
    }
}
