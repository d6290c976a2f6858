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
    public void No_rows_give_no_windows()
    {
        Assert.Empty(new SessionSegmenter(new Duration(1, 's', "1s"), TaosPrecision.Milliseconds).Segments([])!);
        Assert.Empty(new CountSegmenter(2, null).Segments([])!);
    }
}
