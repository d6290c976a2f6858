using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>Windows, FILL, RANGE and EVERY (<c>Parser.Windows.cs</c>).</summary>
public class WindowParserTests
{
    [Theory]
    [InlineData("fill(none)", nameof(FillMode.None))]
    [InlineData("fill(null)", nameof(FillMode.Null))]
    [InlineData("fill(null_f)", nameof(FillMode.NullF))]
    [InlineData("fill(prev)", nameof(FillMode.Prev))]
    [InlineData("fill(next)", nameof(FillMode.Next))]
    [InlineData("fill(linear)", nameof(FillMode.Linear))]
    [InlineData("fill(value_f, 1)", nameof(FillMode.ValueF))]
    public void Fill_modes(string fill, string mode)
    {
        var w = Assert.IsType<IntervalWindow>(ParseSelect($"select _wstart, max(v) from t where ts > 0 and ts < 10 interval(5s) {fill}").Window);
        Assert.Equal(Enum.Parse<FillMode>(mode), w.Fill!.Mode);
    }

    [Fact]
    public void Window_durations_may_be_quoted()
    {
        var w = Assert.IsType<IntervalWindow>(ParseSelect("select count(*) from t interval('10s') sliding('5s')").Window);
        Assert.Equal((new Duration(10, 's', "10s"), new Duration(5, 's', "5s")), (w.Length, w.Sliding));
        Assert.Throws<TaosServerException>(() => SqlParser.Parse("select count(*) from t interval('ten seconds')"));
    }

    [Fact]
    public void Other_windows()
    {
        var session = Assert.IsType<SessionWindow>(ParseSelect("select count(*) from t session(ts, 10m)").Window);
        Assert.Equal(("ts", new Duration(10, 'm', "10m")), (Assert.IsType<ColumnExpr>(session.Column).Name, session.Gap));
        var state = Assert.IsType<StateWindow>(ParseSelect("select count(*) from t state_window(status)").Window);
        Assert.Equal("status", state.Expr.Text);
        var ev = Assert.IsType<EventWindow>(ParseSelect("select count(*) from t event_window start with v > 10 end with v < 5").Window);
        Assert.Equal(("v > 10", "v < 5"), (ev.Start.Text, ev.End.Text));
        var count = Assert.IsType<CountWindow>(ParseSelect("select count(*) from t count_window(10, 2)").Window);
        Assert.Equal((10L, (long?)2), (count.Count, count.Sliding));
        Assert.Null(Assert.IsType<CountWindow>(ParseSelect("select count(*) from t count_window(10)").Window).Sliding);
    }

    [Fact]
    public void Interp_range_every_fill()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse(
            "select _irowts, interp(current) from meters partition by tbname range('2024-01-01 00:00:00', '2024-01-01 00:01:00') every(10s) fill(linear)"));
        Assert.Equal(("'2024-01-01 00:00:00'", "'2024-01-01 00:01:00'"), (s.Range!.Start.Text, s.Range.End!.Text));
        Assert.Equal(new Duration(10, 's', "10s"), s.Every);
        Assert.Equal(FillMode.Linear, s.Fill!.Mode);
        Assert.Null(s.Window);
        var single = Assert.IsType<SelectStatement>(SqlParser.Parse("select interp(v) from t range(now) fill(prev)"));
        Assert.Null(single.Range!.End);
        Assert.Null(single.Every);
    }
}
