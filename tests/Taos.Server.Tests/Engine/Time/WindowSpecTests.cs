using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Time;

public class WindowSpecTests
{
    private static Duration D(long value, char unit) => new(value, unit, value.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit);

    private static WindowSpec Spec(Duration length, Duration? offset = null, Duration? sliding = null) =>
        new(new IntervalWindow(length, offset, sliding, null), TaosPrecision.Milliseconds, TimeZoneInfo.Utc);

    [Fact]
    public void Fixed_windows_align_to_the_epoch_and_slide()
    {
        var spec = Spec(D(10, 's'), sliding: D(5, 's'));
        Assert.Equal(1704067205000L, spec.LatestStartAtOrBefore(1704067207000L));
        Assert.Equal(1704067200000L, spec.FirstStartHolding(1704067207000L));
        Assert.Equal(1704067215000L, spec.End(1704067205000L));
        Assert.False(spec.IsTumbling);
    }

    [Fact]
    public void Lengths_below_one_tick_of_the_database_are_too_small()
    {
        var e = Assert.Throws<TaosServerException>(() => Spec(D(500, 'u')));
        Assert.Equal((9749, "Interval cannot be less than 1 ms"), (e.Code, e.Message));
        // 1u is 1000 ticks in a nanosecond database: TDengine 3.3.0.1 answers its windows (rest-breadth win#40).
        var ns = new WindowSpec(new IntervalWindow(D(1, 'u'), null, null, null), TaosPrecision.Nanoseconds, TimeZoneInfo.Utc);
        Assert.Equal(1000L, ns.End(0));
    }

    [Fact]
    public void Month_windows_follow_the_calendar()
    {
        var spec = Spec(D(1, 'n'));
        long feb = 1706745600000L; // 2024-02-01
        Assert.Equal(feb, spec.LatestStartAtOrBefore(feb + 86_400_000L));
        Assert.Equal(1709251200000L, spec.Next(feb)); // 2024-03-01
        Assert.True(spec.IsTumbling);
    }

    [Theory]
    [InlineData('n')]
    [InlineData('y')]
    public void Sliding_in_months_or_years_is_9776_even_under_a_calendar_interval(char unit)
    {
        // parTranslater.c checkIntervalWindow: any n/y SLIDING is TSDB_CODE_PAR_INTER_SLIDING_UNIT (spec A5).
        var e = Assert.Throws<TaosServerException>(() => Spec(D(1, 'n'), sliding: D(1, unit)));
        Assert.Equal(9776, e.Code);
        e = Assert.Throws<TaosServerException>(() => Spec(D(10, 's'), sliding: D(1, unit)));
        Assert.Equal(9776, e.Code);
    }

    [Fact]
    public void An_interval_count_out_of_range_is_9733()
    {
        var e = Assert.Throws<TaosServerException>(() => Spec(D(200_000_000_000L, 'd')));
        Assert.Equal((9733, "Invalid value type: 200000000000d"), (e.Code, e.Message));
    }

    [Fact]
    public void A_month_offset_of_a_calendar_interval_steps_months_not_30_days()
    {
        // ttime.c taosTimeTruncate adds the offset with taosTimeAdd: INTERVAL(1y, 1n) windows start on 1 February.
        var spec = Spec(D(1, 'y'), offset: D(1, 'n'));
        long jan2024 = 1704067200000L, feb2023 = 1675209600000L, feb2024 = 1706745600000L;
        Assert.Equal(feb2023, spec.LatestStartAtOrBefore(jan2024));
        Assert.Equal(feb2024, spec.LatestStartAtOrBefore(feb2024));
        Assert.Equal(1738368000000L, spec.End(feb2024)); // 2025-02-01
    }

    [Fact]
    public void A_day_offset_of_a_month_interval_shifts_each_month_start()
    {
        var spec = Spec(D(1, 'n'), offset: D(1, 'd'));
        Assert.Equal(1704153600000L, spec.LatestStartAtOrBefore(1704153600000L)); // 2024-01-02
        Assert.Equal(1701475200000L, spec.LatestStartAtOrBefore(1704067200000L)); // 2024-01-01 is in the window from 2023-12-02
    }
}
