using Taos.Server.Engine.Time;

namespace Taos.Server.Tests.Engine.Time;

/// <summary>The units each context accepts, as the dialect spec (A5 Durations) and TDengine's translater have them.</summary>
public class DurationUnitTests
{
    [Theory]
    [InlineData(0, "buasmhdwny")]
    [InlineData(1, "buasmhdw")]
    [InlineData(2, "buasmhdwny")]
    [InlineData(3, "buasmhdw")]
    [InlineData(4, "mhd")]
    public void Each_context_accepts_its_units(int contextIndex, string units)
    {
        DurationContext[] contexts = [DurationContext.Expression, DurationContext.Insert, DurationContext.Interval, DurationContext.Sliding, DurationContext.Retention];
        foreach (char unit in "buasmhdwnyxz")
        {
            Assert.Equal(units.Contains(unit), DurationUnit.IsAllowed(unit, contexts[contextIndex]));
        }
    }

    [Fact]
    public void Calendar_units_and_their_months()
    {
        Assert.True(DurationUnit.IsCalendar('n'));
        Assert.True(DurationUnit.IsCalendar('y'));
        Assert.False(DurationUnit.IsCalendar('d'));
        Assert.Equal(24L, DurationUnit.Months(new Taos.Server.Sql.Ast.Duration(2, 'y', "2y")));
        Assert.Equal(3L, DurationUnit.Months(new Taos.Server.Sql.Ast.Duration(3, 'n', "3n")));
        Assert.Null(DurationUnit.Nanoseconds('n'));
        Assert.Equal(604_800_000_000_000L, DurationUnit.Nanoseconds('w'));
    }
}
