using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

public class DurationsTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Theory]
    [InlineData(10, 's', TaosPrecision.Milliseconds, 10_000L)]
    [InlineData(1, 'u', TaosPrecision.Milliseconds, 0L)]
    [InlineData(500, 'u', TaosPrecision.Microseconds, 500L)]
    [InlineData(1, 'w', TaosPrecision.Nanoseconds, 604_800_000_000_000L)]
    [InlineData(3, 'a', TaosPrecision.Microseconds, 3_000L)]
    public void TryDurationTicks_converts_units(long value, char unit, TaosPrecision precision, long expected)
    {
        Assert.True(Durations.TryTicks(value, unit, precision, out long ticks));
        Assert.Equal(expected, ticks);
    }

    [Fact]
    public void TryDurationTicks_rejects_calendar_units() =>
        Assert.False(Durations.TryTicks(1, 'n', TaosPrecision.Milliseconds, out _));

    [Fact]
    public void TryAdd_months_and_years_step_the_calendar()
    {
        Assert.True(Durations.TryAdd(1704067200000L, 1, 'n', TaosPrecision.Milliseconds, Utc, out long next));
        Assert.Equal(1706745600000L, next); // 2024-02-01
        Assert.True(Durations.TryAdd(1704067200000L, -1, 'y', TaosPrecision.Milliseconds, Utc, out long prev));
        Assert.Equal(1672531200000L, prev); // 2023-01-01
        Assert.True(Durations.TryAdd(1704067200000L, -10, 'a', TaosPrecision.Milliseconds, Utc, out long minus));
        Assert.Equal(1704067199990L, minus);
    }

    [Fact]
    public void Nanoseconds_in_a_nanosecond_database_are_exact_far_beyond_a_second()
    {
        // QueryTime multiplied by ticks per second before dividing and wrapped past ~9.2 s of nanoseconds.
        Assert.Equal(10_000_000_000L, Durations.Ticks(10_000_000_000L, 'b', TaosPrecision.Nanoseconds));
        Assert.Equal(10_000L, Durations.Ticks(10_000_000_000L, 'b', TaosPrecision.Milliseconds));
    }

    [Fact]
    public void A_count_whose_ticks_leave_the_64_bit_range_is_9733_not_a_wrapped_number()
    {
        // ttime.c getDuration refuses it (TSDB_CODE_OUT_OF_RANGE), which the translater reports as 0x2605.
        var e = Assert.Throws<TaosServerException>(() => Durations.Ticks(new Taos.Server.Sql.Ast.Duration(200_000_000_000L, 'd', "200000000000d"), TaosPrecision.Milliseconds));
        Assert.Equal((9733, "Invalid value type: 200000000000d"), (e.Code, e.Message));
        Assert.False(Durations.TryTicks(200_000L, 'd', TaosPrecision.Nanoseconds, out _));
        Assert.True(Durations.TryTicks(100_000L, 'd', TaosPrecision.Nanoseconds, out long ticks));
        Assert.Equal(100_000L * 86_400_000_000_000L, ticks);
    }

    [Fact]
    public void Calendar_units_have_fixed_lengths_only_where_one_is_needed()
    {
        Assert.Equal(30L * 86_400_000L, Durations.Ticks(1, 'n', TaosPrecision.Milliseconds));
        Assert.Equal(365L * 86_400_000L, Durations.Ticks(1, 'y', TaosPrecision.Milliseconds));
        Assert.False(Durations.TryTicks(1, 'y', TaosPrecision.Milliseconds, out _));
    }

    [Fact]
    public void TryAdd_fails_past_the_calendar_or_the_tick_range()
    {
        Assert.False(Durations.TryAdd(long.MaxValue - 10, 1, 's', TaosPrecision.Milliseconds, Utc, out _));
        Assert.False(Durations.TryAdd(0, 200_000, 'n', TaosPrecision.Milliseconds, Utc, out _));
        Assert.False(Durations.TryAdd(0, long.MaxValue, 'y', TaosPrecision.Milliseconds, Utc, out _));
    }
}
