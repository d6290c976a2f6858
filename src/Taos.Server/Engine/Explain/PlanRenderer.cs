using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Explain;

/// <summary>
/// Writes a plan as TDengine's EXPLAIN rows [src libs/command/inc/commandInt.h EXPLAIN_ROW_NEW]: an operator's line is
/// indented three blanks per level and starts with <c>-> </c>; the lines VERBOSE and ANALYZE add under it are indented
/// three blanks per level plus three; ANALYZE puts <c>cost=startup..total rows=n</c> (milliseconds) first in the
/// parenthesis.
/// </summary>
internal sealed class PlanRenderer(bool verbose, bool analyze)
{
    /// <summary>The rows of <paramref name="root"/>'s plan, operators depth first.</summary>
    public List<string> Render(PlanNode root)
    {
        var rows = new List<string>();
        Write(root, 0, rows);
        return rows;
    }

    private void Write(PlanNode node, int level, List<string> rows)
    {
        var line = new StringBuilder();
        line.Append(' ', level * 3).Append("-> ").Append(node.Name).Append(node.Prefix).Append(" (");
        if (analyze && node.Measured is { } m)
        {
            line.Append(CultureInfo.InvariantCulture, $"cost={m.StartupMs:F3}..{m.TotalMs:F3} rows={m.Rows} ");
        }
        line.Append(string.Join(' ', node.Fields));
        if (node.BlankBeforeClose) line.Append(' ');
        line.Append(')');
        rows.Add(line.ToString());
        string detail = new(' ', level * 3 + 6);
        if (analyze && node.Measured is { } measured && node.Analyzed is { } analyzed)
        {
            rows.AddRange(analyzed(measured).Select(l => detail + l));
        }
        if (verbose)
        {
            rows.AddRange(node.Verbose.Select(l => detail + l));
        }
        foreach (var child in node.Children)
        {
            Write(child, level + 1, rows);
        }
    }
}
