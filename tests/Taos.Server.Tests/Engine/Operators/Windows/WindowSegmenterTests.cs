using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Operators.Windows;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Operators.Windows;

/// <summary>How the buffered windows cut a group's rows (in ts order).</summary>
public class WindowSegmenterTests
{
    private static List<BufferedRow> Rows(params long[] ts) => ts.Select(t => new BufferedRow(t, [t], null)).ToList();

    [Fact]
    public void Session_windows_break_where_rows_are_further_apart_than_the_gap()
    {
        var segments = new SessionSegmenter(new Duration(5, 's', "5s"), TaosPrecision.Milliseconds).Segments(Rows(0, 4000, 9000, 20000, 25000))!;
        Assert.Equal([new WindowSegment(0, 9000, 0, 3), new WindowSegment(20000, 25000, 3, 5)], segments);
    }

    [Fact]
    public void Count_windows_slide_by_their_step_and_stop_after_the_last_row()
    {
        var segments = new CountSegmenter(3, 2).Segments(Rows(1, 2, 3, 4, 5, 6))!;
        Assert.Equal([(0, 3), (2, 5), (4, 6)], segments.Select(s => (s.Lo, s.Hi)));
        Assert.Equal([(0, 2), (2, 4)], new CountSegmenter(2, null).Segments(Rows(1, 2, 3, 4))!.Select(s => (s.Lo, s.Hi)));
    }

    [Fact]
    public void Count_windows_with_a_step_start_one_at_every_step_even_inside_the_last_window()
    {
        // TDengine 3.3.0.1: count_window(3, 2) over 7 rows answers 4 windows, the last holding only row 6.
        var segments = new CountSegmenter(3, 2).Segments(Rows(1, 2, 3, 4, 5, 6, 7))!;
        Assert.Equal([(0, 3), (2, 5), (4, 7), (6, 7)], segments.Select(s => (s.Lo, s.Hi)));
    }

    [Fact]
    public void State_windows_drop_rows_with_a_null_state_and_run_across_them()
    {
        var rows = new List<BufferedRow>
        {
            new(1, [1L, true], null), new(2, [2L, null], null), new(3, [3L, true], null), new(4, [4L, false], null),
        };
        var state = new Taos.Server.Engine.Binding.CExpr { Type = TaosDataType.Bool, Length = 1, Eval = c => c.Column(1) };
        var segments = new StateSegmenter(state).Segments(rows)!;
        Assert.Equal([1L, 3L, 4L], rows.Select(r => r.Ts));
        Assert.Equal([new WindowSegment(1, 3, 0, 2), new WindowSegment(4, 4, 2, 3)], segments);
    }

    [Fact]
    public void No_rows_give_no_windows()
    {
        Assert.Empty(new SessionSegmenter(new Duration(1, 's', "1s"), TaosPrecision.Milliseconds).Segments([])!);
        Assert.Empty(new CountSegmenter(2, null).Segments([])!);
    }
}
