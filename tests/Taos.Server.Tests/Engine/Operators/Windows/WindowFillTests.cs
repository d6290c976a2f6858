using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators.Windows;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Operators.Windows;

/// <summary>FILL over one group's windows.</summary>
public class WindowFillTests
{
    private static readonly CExpr Avg = new() { Type = TaosDataType.Double, Length = 8, Eval = _ => null, HasAggregate = true };

    private static WindowRow Row(long start, double? value, bool empty = false) => new([value], null, empty, start);

    [Fact]
    public void Linear_fill_draws_between_the_adjacent_windows_with_rows()
    {
        var rows = new List<WindowRow> { Row(0, 1), Row(2, null, empty: true), Row(4, null, empty: true), Row(6, 4) };
        new WindowFill(FillMode.Linear, [true], null, [Avg], TaosPrecision.Milliseconds, TimeZoneInfo.Utc).Apply(rows);
        Assert.Equal(new object?[] { 1d, 2d, 3d, 4d }, rows.Select(r => r.Values[0]));
    }

    [Fact]
    public void Linear_fill_leaves_empty_windows_null_when_a_neighbour_with_rows_has_a_null_value()
    {
        // TDengine 3.3.0.1 (rest-breadth win#22): avg(v) NULL in the window before the gap: no line, even though an
        // earlier window has a value.
        var rows = new List<WindowRow> { Row(0, 3), Row(2, null), Row(4, null, empty: true), Row(6, 5.5) };
        new WindowFill(FillMode.Linear, [true], null, [Avg], TaosPrecision.Milliseconds, TimeZoneInfo.Utc).Apply(rows);
        Assert.Equal(new object?[] { 3d, null, null, 5.5d }, rows.Select(r => r.Values[0]));
    }
}
