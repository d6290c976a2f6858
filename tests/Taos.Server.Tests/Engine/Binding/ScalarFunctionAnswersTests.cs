using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Binding;

/// <summary>
/// String and time functions with the result widths and values TDengine 3.3.0.1 recorded (rest-breadth.jsonl, script fn).
/// </summary>
public class ScalarFunctionAnswersTests : EngineTestBase
{
    private List<ResultColumn> Columns(string sql) => Assert.IsType<RowSetResult>(Exec(sql)).Columns.ToList();

    [Fact]
    public void Concat_width_sums_the_arguments_with_their_length_headers()
    {
        Assert.Equal(
            [new ResultColumn("concat('a', 'b', 'c')", TaosDataType.VarChar, 7), new("concat_ws('-', 'a', 'b')", TaosDataType.VarChar, 7),
             new("concat_ws('-', 'a', 'b', 'c')", TaosDataType.VarChar, 13)],
            Columns("select concat('a', 'b', 'c'), concat_ws('-', 'a', 'b'), concat_ws('-', 'a', 'b', 'c')"));
    }

    [Fact]
    public void A_null_argument_makes_concat_and_concat_ws_null()
    {
        Assert.Equal([7, -2, 7, -2], Columns("select concat('a', 'b', 'c'), concat('a', null), concat_ws('-', 'a', 'b'), concat_ws('-', 'a', null, 'b')").Select(c => c.Length));
        Assert.Equal([["abc", null, "a-b", null]], Rows("select concat('a', 'b', 'c'), concat('a', null), concat_ws('-', 'a', 'b'), concat_ws('-', 'a', null, 'b')"));
    }

    [Fact]
    public void Ltrim_and_rtrim_of_a_constant_are_as_wide_as_what_they_keep()
    {
        const string sql = "select ltrim('  a  '), rtrim('  a  '), concat('[', ltrim('  a  '), ']'), concat('[', rtrim('  a  '), ']')";
        Assert.Equal([3, 3, 9, 9], Columns(sql).Select(c => c.Length));
        Assert.Equal([["a  ", "  a", "[a  ]", "[  a]"]], Rows(sql));
    }

    [Fact]
    public void To_iso8601_is_62_wide_and_writes_the_zone_it_is_given()
    {
        const string sql = "select to_iso8601(0), to_iso8601(1704067200000), to_iso8601(-1), to_iso8601(1704067200000, '+08:00'), to_iso8601(1704067200000, 'Z')";
        Assert.All(Columns(sql), c => Assert.Equal(62, c.Length));
        Assert.Equal([["1970-01-01T00:00:00+0000", "2024-01-01T00:00:00.000+0000", "1969-12-31T23:59:59+0000", "2024-01-01T08:00:00.000+08:00", "2024-01-01T00:00:00.000Z"]],
            Rows(sql));
        Fails("select to_iso8601(0, 'nowhere')", 0x2803, "Invalid parameter value : to_iso8601");
    }

    [Fact]
    public void To_char_is_4094_wide()
    {
        Assert.Equal(4094, Columns("select to_char(1704067200000, 'yyyy')").Single().Length);
    }

    [Fact]
    public void Timetruncate_and_timediff_read_times_before_1970_as_whole_seconds_toward_zero()
    {
        Exec("create database old keep 36500");
        Exec("create table old.t (ts timestamp, v int)");
        Exec("insert into old.t values (-86400001, 1) (1704067200123, 2)");
        Assert.Equal([[-86400000L, -86400000L, -86400000L, 0L], [1704067200000L, 1704067200000L, 1704067200000L, 1703721600000L]],
            Rows("select timetruncate(ts, 1d), timetruncate(ts, 1h), timetruncate(ts, 1s), timetruncate(ts, 1w) from old.t order by ts"));
        Assert.Equal([[86400000L, 1L], [1704067200123L, 19723L]], Rows("select timediff(ts, 0), timediff(ts, 0, 1d) from old.t order by ts"));
    }

    [Fact]
    public void Diff_reads_its_null_rows_as_zero_inside_an_expression()
    {
        // rest-breadth fn#25 and fn#27: the row whose v is NULL.
        Exec("create table w (ts timestamp, v int)");
        Exec("insert into w values (1704067200000, 1) (1704067201000, 2) (1704067203000, null) (1704067204000, 5)");
        Assert.Equal([[1L], [null], [3L]], Rows("select diff(v) from w"));
        Assert.Equal([[2.0, 1L], [1.0, 0L], [4.0, 3L]], Rows("select diff(v) + 1, abs(diff(v)) from w"));
    }

    [Theory]
    [InlineData("", 3.0)]
    [InlineData(", 'default'", 3.0)]
    [InlineData(", 't-digest'", 4.0)]
    public void Apercentile_estimates_with_its_histogram_unless_asked_for_t_digest(string algorithm, double expected)
    {
        Exec("create table a (ts timestamp, v int)");
        Exec("insert into a values (1704067200000, 1) (1704067201000, 2) (1704067202000, 3) (1704067203000, 5) (1704067204000, 6) (1704067205000, 7)");
        Assert.Equal([[expected]], Rows($"select apercentile(v, 50{algorithm}) from a"));
        Fails("select apercentile(v, 50, 'nope') from a", 0x2803, "Invalid parameter value : apercentile");
    }

    [Fact]
    public void Histogram_answers_one_row_per_bin()
    {
        // rest-breadth fn#12 and fn#13: v is 1, 2, 3, NULL, 5, 6, 7.
        Exec("create table h (ts timestamp, v int)");
        Exec("insert into h values (1704067200000, 1) (1704067201000, 2) (1704067203000, 3) (1704067204000, null) (1704067210000, 5) (1704067211000, 6) (1704067220000, 7)");
        var r = Assert.IsType<RowSetResult>(Exec("select histogram(v, 'user_input', '[0, 3, 6, 10]', 0) from h"));
        Assert.Equal(new ResultColumn("histogram(v, 'user_input', '[0, 3, 6, 10]', 0)", TaosDataType.VarChar, 510), r.Columns.Single());
        Assert.Equal([["{\"lower_bin\":0, \"upper_bin\":3, \"count\":3}"], ["{\"lower_bin\":3, \"upper_bin\":6, \"count\":2}"], ["{\"lower_bin\":6, \"upper_bin\":10, \"count\":1}"]],
            r.Rows.ToList());
        Assert.Equal([["{\"lower_bin\":0, \"upper_bin\":5, \"count\":0.666667}"], ["{\"lower_bin\":5, \"upper_bin\":10, \"count\":0.333333}"]],
            Rows("select histogram(v, 'linear_bin', '{\"start\": 0, \"width\": 5, \"count\": 2, \"infinity\": false}', 1) from h"));
        Fails("select histogram(v, 'user_input', '[3, 0]', 0) from h", 0x2803, "Invalid parameter value : histogram");
        Fails("select histogram(v, 'user_input', '[0, 3]', 2) from h", 0x2803, "Invalid parameter value : histogram");
    }
}
