using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>Columns added to and dropped from tables stored in several SQLite parts (see TableLayout) keep every value in place.</summary>
public sealed class SchemaChangeTests : EngineTestBase
{
    private static string Columns(int n) => string.Join(", ", Enumerable.Range(1, n).Select(i => $"c{i} int"));

    [Fact]
    public void Dropping_a_column_shifts_later_columns_across_parts()
    {
        Exec($"create table w (ts timestamp, {Columns(2000)})");
        Exec("insert into w (ts, c1, c1997, c1998, c1999, c2000) values (1704067200000, 1, 1997, 1998, 1999, 2000)");
        Exec("alter table w drop column c1");
        Assert.Equal([1997, 1998, 1999, 2000], Assert.Single(Rows("select c1997, c1998, c1999, c2000 from w")));
        Exec("alter table w drop column c2");
        Exec("alter table w drop column c3");
        Assert.Equal([1997, 1998, 1999, 2000], Assert.Single(Rows("select c1997, c1998, c1999, c2000 from w")));
        Reopen();
        Assert.Equal([1997, 1998, 1999, 2000], Assert.Single(Rows("select c1997, c1998, c1999, c2000 from w")));
        Exec("insert into w (ts, c2000) values (1704067201000, 7)");
        Assert.Equal(2L, Rows("select count(*) from w")[0][0]);
    }

    [Fact]
    public void Adding_a_column_past_a_full_part_creates_the_next_part_with_every_row()
    {
        Exec($"create table w (ts timestamp, {Columns(1998)})");
        Exec("insert into w (ts, c1998) values (1704067200000, 5)");
        Exec("alter table w add column x int");
        Assert.Equal([5, null], Assert.Single(Rows("select c1998, x from w")));
        Exec("insert into w (ts, x) values (1704067200000, 6)");
        Assert.Equal([5, 6], Assert.Single(Rows("select c1998, x from w")));
        Exec("alter table w drop column c1");
        Assert.Equal([5, 6], Assert.Single(Rows("select c1998, x from w")));
    }
}
