namespace Taos.Server.Tests.Engine.Time;

/// <summary>The time module's decided cases through SQL.</summary>
public class TimeSqlTests : EngineTestBase
{
    [Fact]
    public void A_duration_out_of_range_in_an_expression_is_9733()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Fails("select ts + 200000000000d from t", 9733, "Invalid value type: 200000000000d");
        Assert.Equal(1706745600000L, Rows("select ts + 1n from t")[0][0]);
    }

    [Fact]
    public void Keep_beyond_the_millisecond_range_is_9733()
    {
        Fails("create database k keep 200000000000d", 9733, "Invalid value type: 200000000000d");
        Fails("create database k keep 10s", 9753, "Invalid option keep unit: s, only m, h, d allowed");
    }

    [Fact]
    public void Insert_offsets_take_fixed_units_only()
    {
        Exec("create table t (ts timestamp, v int)");
        Assert.Equal(1, Affected("insert into t values ('2024-01-01 00:00:00' + 1d, 1)"));
        Assert.ThrowsAny<TaosServerException>(() => Exec("insert into t values ('2024-01-01 00:00:00' + 1n, 2)"));
    }
}
