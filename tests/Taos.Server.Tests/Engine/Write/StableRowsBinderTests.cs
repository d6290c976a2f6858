namespace Taos.Server.Tests.Engine.Write;

/// <summary><c>INSERT INTO stb (tbname, …) VALUES</c>: rows routed to child tables named in the row (rest-breadth qry#45).</summary>
public class StableRowsBinderTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public StableRowsBinderTests()
    {
        Exec("create stable m (ts timestamp, v int) tags (g int, loc nchar(8))");
        Exec("create table m1 using m tags (1, 'a')");
    }

    [Fact]
    public void Rows_go_to_the_named_children_which_are_created_with_the_rows_tags()
    {
        Assert.Equal(4, Affected($"insert into m (tbname, ts, v, g, loc) values ('m5', {T0}, 9, 5, 'x') ('m1', {T0}, 1, 7, 'ignored') ('m5', {T0 + 1}, 10, 5, 'x') ('m6', {T0}, 11, null, 'y')"));
        Assert.Equal([["m1", T0, 1, 1, "a"], ["m5", T0, 9, 5, "x"], ["m5", T0 + 1, 10, 5, "x"], ["m6", T0, 11, null, "y"]],
            Rows("select tbname, ts, v, g, loc from m order by tbname, ts"));
    }

    [Fact]
    public void Unnamed_tags_are_null_and_columns_may_come_in_any_order()
    {
        Assert.Equal(1, Affected($"insert into m (v, ts, tbname) values (3, {T0}, 'm7')"));
        Assert.Equal([["m7", 3, null, null]], Rows("select tbname, v, g, loc from m where tbname = 'm7'"));
    }

    [Theory]
    [InlineData("insert into m (tbname, v) values ('m8', 1)", 512, "Primary timestamp column should not be null")]
    [InlineData("insert into m (tbname, ts, nope) values ('m8', 1704067200000, 1)", 9730, "Invalid column name: nope")]
    [InlineData("insert into m (tbname, ts, v) values ('m8', 1704067200000, 1, 2)", 9791, "Illegal number of columns")]
    [InlineData("insert into m (ts, v) values (1704067200000, 1)", 512, "insert data into super table is not supported")]
    public void Bad_column_lists_and_rows_are_refused_and_nothing_is_written(string sql, int code, string message)
    {
        Fails(sql, code, message);
        Assert.Equal("m1", Assert.Single(Rows("show tables"))[0]);
        Assert.Equal(0L, Assert.Single(Rows("select count(*) from m"))[0]);
    }
}
