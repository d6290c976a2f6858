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
}
