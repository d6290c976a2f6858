namespace Taos.Server.Tests.Engine.Write;

/// <summary>INSERT … SELECT through the engine's one write path.</summary>
public class InsertSelectBinderTests : EngineTestBase
{
    private const long T0 = 1704067200000;

    public InsertSelectBinderTests()
    {
        Exec("create table src (ts timestamp, v int, s varchar(10))");
        Exec("create table dst (ts timestamp, v int, s varchar(3))");
        Exec($"insert into src values ({T0}, 1, 'ab') ({T0 + 1000}, null, '12') ({T0 + 2000}, 300, null)");
    }

    [Fact]
    public void Selected_rows_are_written_converted_to_the_target_columns()
    {
        Assert.Equal(3, Affected("insert into dst select ts, v, s from src"));
        Assert.Equal([[T0, 1, "ab"], [T0 + 1000, null, "12"], [T0 + 2000, 300, null]], Rows("select * from dst order by ts"));
        // Swapped: a text into INT is its number (0 when none), a number into VARCHAR its text.
        Assert.Equal(2, Affected($"insert into dst select ts, s, v from src where ts < {T0 + 2000}"));
        Assert.Equal([[T0, 0, "1"], [T0 + 1000, 12, null]], Rows($"select * from dst where ts < {T0 + 2000} order by ts"));
    }

    [Fact]
    public void A_column_list_picks_the_target_columns()
    {
        Assert.Equal(3, Affected("insert into dst (ts, s) select ts, s from src"));
        Assert.Equal([[null, "ab"], [null, "12"], [null, null]], Rows("select v, s from dst order by ts"));
    }

    [Fact]
    public void Wrong_column_counts_and_too_long_values_write_nothing()
    {
        Fails("insert into dst select ts, v from src", 9791, "Illegal number of columns");
        Exec($"insert into src values ({T0 + 3000}, 4, 'toolong')");
        var e = Assert.Throws<TaosServerException>(() => Exec("insert into dst select ts, v, s from src"));
        Assert.Equal("Value too long for column/tag: s", e.Message);
        Assert.Empty(Rows("select * from dst"));
    }
}
