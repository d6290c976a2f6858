using System.Globalization;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Operators.Windows;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Explain;

/// <summary>
/// Turns the operator tree the planner built for one query into EXPLAIN's plan: each operator of the engine becomes
/// the TDengine operator closest to it [src libs/command/src/explain.c], with <c>columns=</c>, <c>width=</c> and
/// <c>input_order=</c> computed from the output schema as TDengine does. LIMIT and WHERE are properties of the
/// operators in TDengine's plans, not operators: they are not lines here either.
/// </summary>
/// <param name="output">The query's result columns.</param>
/// <param name="bound">The bound query (null for a UNION, whose blocks are planned on their own).</param>
/// <param name="select">The query (null for a UNION): names what the plan lines name (table, state column).</param>
/// <param name="rowSource">The plan of what a subquery, view, join or system table delivers as rows, or null.</param>
/// <param name="blocks">The plans of a UNION's blocks, in order.</param>
internal sealed class PlanTreeBuilder(
    IReadOnlyList<ResultColumn> output,
    BoundSelect? bound,
    SelectStatement? select,
    Func<RowSourceOperator, PlanNode?> rowSource,
    Queue<PlanNode>? blocks = null)
{
    private int Width => RowWidths.Of(output);

    private string? Table => (select?.From as TableSource)?.Name.Name;

    /// <summary>The plan of <paramref name="root"/>.</summary>
    public PlanNode Build(RowOperator root) => Node(root) ?? Projection(root, []);

    private PlanNode? Node(object op) => op switch
    {
        LimitOperator or FilterOperator => Node(OperatorInputs.Of(op)[0]),
        EmptyOperator => Projection(op, []),
        ProjectOperator => Projection(op, Inputs(op)),
        PartitionedProjectOperator => Projection(op, Partitioned(Inputs(op))),
        HashAggregateOperator => Aggregate(op, Partitioned(Inputs(op))),
        DistinctOperator => Distinct(op, Inputs(op)),
        IntervalWindowOperator => Filled(op, Window(op, "Interval on Column " + TsName(), Partitioned(Inputs(op)))),
        BufferedWindowOperator => Filled(op, Window(op, OperatorInputs.Part<WindowSegmenter>(op), Partitioned(Inputs(op)))),
        InterpOperator => With(new PlanNode
        {
            Name = "Interp", Operator = op, BlankBeforeClose = true,
            Fields = [Columns(), $"width={Width}", "input_order=asc"], Verbose = [OutputLine()],
        }, Inputs(op)),
        MultiRowOperator => With(new PlanNode
        {
            Name = "Indefinite Rows Function", Operator = op,
            Fields = [$"functions={bound?.MultiRows.Count ?? 0}", $"width={Width}"], Verbose = [OutputLine()],
        }, Inputs(op)),
        SortOperator => Sort(op, Inputs(op)),
        UnionAllOperator => With(new PlanNode
        {
            Name = "Merge", Operator = op,
            Fields = [Columns(), $"width={Width}", "input_order=unknown", "output_order=unknown", "mode=merge"], Verbose = [OutputLine()],
        }, Inputs(op)),
        ResultRowsOperator when blocks is { Count: > 0 } => blocks.Dequeue(),
        TableScanOperator or MergeScanOperator or LastRowScanOperator => Scan(op),
        TagRowScanOperator => new PlanNode { Name = "Tag Scan on " + Table, Operator = op, Fields = [$"width={ScanWidth()}"], Verbose = [ScanOutputLine()] },
        RowSourceOperator source => rowSource(source),
        _ => null,
    };

    private List<PlanNode> Inputs(object op) => OperatorInputs.Of(op).Select(Node).OfType<PlanNode>().ToList();

    private static PlanNode With(PlanNode node, List<PlanNode> children)
    {
        node.Children.AddRange(children);
        return node;
    }

    private string Columns() => "columns=" + output.Count.ToString(CultureInfo.InvariantCulture);

    private string OutputLine() => $"Output: columns={output.Count} width={Width}";

    /// <summary>TDengine's <c>input_order</c>: ascending when the rows come straight from a table scan, else unknown.</summary>
    private static string InputOrder(List<PlanNode> inputs) =>
        inputs is [{ Operator: TableScanOperator or MergeScanOperator or LastRowScanOperator }] ? "asc" : "unknown";

    private PlanNode Projection(object op, List<PlanNode> inputs) => With(new PlanNode
    {
        Name = "Projection", Operator = op, BlankBeforeClose = true,
        Fields = [Columns(), $"width={Width}", "input_order=" + InputOrder(inputs)],
        Verbose = [OutputLine(), "Output: Ignore Group Id: true", "Merge ResBlocks: True"],
    }, inputs);

    /// <summary>TDengine's hash aggregate, spelt as 3.3.0.1's explain.c spells it.</summary>
    private PlanNode Aggregate(object op, List<PlanNode> inputs)
    {
        int keys = bound?.Keys.Count ?? 0;
        var fields = new List<string>();
        if (bound is { Aggregates.Count: > 0 }) fields.Add($"functions={bound.Aggregates.Count}");
        fields.Add($"width={Width}");
        if (keys > 0) fields.Add($"groups={keys}");
        fields.Add("input_order=" + InputOrder(inputs));
        return With(new PlanNode
        {
            Name = keys > 0 ? "GroupAggragate" : "Aggragate", Operator = op, BlankBeforeClose = true, Fields = fields,
            Verbose = [OutputLine() + " blocking=1", "Merge ResBlocks: True"],
        }, inputs);
    }

    /// <summary>DISTINCT: TDengine groups by every selected column, without functions.</summary>
    private PlanNode Distinct(object op, List<PlanNode> inputs) => With(new PlanNode
    {
        Name = "GroupAggragate", Operator = op, BlankBeforeClose = true,
        Fields = [$"width={Width}", $"groups={output.Count}", "input_order=" + InputOrder(inputs)],
        Verbose = [OutputLine() + " blocking=1", "Merge ResBlocks: True"],
    }, inputs);

    private PlanNode Window(object op, string name, List<PlanNode> inputs) => With(new PlanNode
    {
        Name = name, Operator = op, BlankBeforeClose = true,
        Fields = [$"functions={bound?.Aggregates.Count ?? 0}", $"width={Width}", "input_order=asc", "output_order=asc"],
        Verbose = [OutputLine(), "Merge ResBlocks: True"],
    }, inputs);

    /// <summary>The windows other than INTERVAL: TDengine writes only their functions and width.</summary>
    private PlanNode Window(object op, WindowSegmenter? segmenter, List<PlanNode> inputs)
    {
        string? name = segmenter switch
        {
            SessionSegmenter => "Session",
            StateSegmenter => "StateWindow on Column " + (select?.Window is StateWindow s ? s.Expr.Text : TsName()),
            EventSegmenter => "Event",
            CountSegmenter => "Count",
            _ => null,
        };
        if (name is null) return Window(op, "Interval on Column " + TsName(), inputs);
        return With(new PlanNode
        {
            Name = name, Operator = op, Fields = [$"functions={bound?.Aggregates.Count ?? 0}", $"width={Width}"], Verbose = [OutputLine()],
        }, inputs);
    }

    /// <summary>FILL of an INTERVAL: TDengine's Fill operator above the window (the engine fills inside the window operator).</summary>
    private PlanNode Filled(object op, PlanNode window)
    {
        if (select?.Window is not IntervalWindow { Fill: { Mode: not FillMode.None } fill }) return window;
        return With(new PlanNode
        {
            Name = "Fill", Operator = op, BlankBeforeClose = true,
            Fields = ["mode=" + FillModeName(fill.Mode), $"width={Width}", "input_order=asc"], Verbose = [OutputLine()],
        }, [window]);
    }

    /// <summary>TDengine's name of a fill mode [src nodesUtilFuncs.c nodesGetFillModeString].</summary>
    private static string FillModeName(FillMode mode) => mode switch
    {
        FillMode.Null => "null",
        FillMode.NullF => "null_f",
        FillMode.Prev => "prev",
        FillMode.Next => "next",
        FillMode.Linear => "linear",
        FillMode.Value => "value",
        FillMode.ValueF => "value_f",
        _ => "none",
    };

    /// <summary>PARTITION BY: TDengine's Partition operator under the one that works per partition (the engine partitions inside it).</summary>
    private List<PlanNode> Partitioned(List<PlanNode> inputs)
    {
        if (bound is not { Grouping: GroupingKind.PartitionBy } || select is not { PartitionBy: [var first, ..] } || inputs is not [var input]) return inputs;
        var node = new PlanNode
        {
            Name = "Partition on Column " + first.Text, Operator = input.Operator, Fields = [$"width={ScanWidth()}"],
            Verbose = [$"Output: columns={bound.ScanColumns.Count} width={ScanWidth()}", $"Partition Key: partitions={select.PartitionBy.Count}"],
        };
        node.Children.Add(input);
        return [node];
    }

    private PlanNode Sort(object op, List<PlanNode> inputs) => With(new PlanNode
    {
        Name = "Sort", Operator = op, Prefix = " input_order=unknown output_order=unknown ",
        Fields = [Columns(), $"width={Width}"], Verbose = [OutputLine()],
        Analyzed = _ => ["Sort Key: " + string.Concat(SortKeys().Select(k => k + " "))],
    }, inputs);

    private IEnumerable<string> SortKeys() => select?.OrderBy.Select(o => o.Expr.Text) ?? [];

    private PlanNode Scan(object op)
    {
        string kind = op switch { MergeScanOperator => "Table Merge Scan on ", LastRowScanOperator => "Last Row Scan on ", _ => "Table Scan on " };
        var fields = new List<string> { $"columns={bound?.ScanColumns.Count ?? 0}", $"width={ScanWidth()}" };
        if (op is not LastRowScanOperator) fields.AddRange(["order=[asc|1 desc|0]", "mode=ts_order", "data_load=data"]);
        var range = bound?.Range ?? TimeRange.All;
        return new PlanNode
        {
            Name = kind + Table, Operator = op, Fields = fields,
            Verbose = [ScanOutputLine(), $"Time Range: [{range.Min}, {range.Max}]"],
            Analyzed = m =>
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"I/O: total_blocks={m.Batches:F1} load_blocks={m.Batches:F1} load_block_SMAs=0.0 total_rows={m.Rows:F1} check_rows={m.Rows:F1} "),
                string.Create(CultureInfo.InvariantCulture, $" max_row_task=0, total_rows:{m.Rows}, ep:tbd (cost={m.StartupMs:F3}..{m.TotalMs:F3}) "),
            ],
        };
    }

    private string ScanOutputLine() => $"Output: columns={bound?.ScanColumns.Count ?? 0} width={ScanWidth()}";

    /// <summary>The bytes of the columns a scan reads.</summary>
    private int ScanWidth()
    {
        if (bound?.Source.Layout is not { } layout) return 0;
        return bound.ScanColumns.Sum(i => layout.Columns.FirstOrDefault(c => c.Kind == SlotKind.Column && c.Index == i) is { } c ? RowWidths.Bytes(c.Type, c.Length) : 0);
    }

    /// <summary>The primary timestamp's name (what TDengine's window lines name).</summary>
    private string TsName() => bound?.Source.Layout is { TsIndex: >= 0 } layout
        ? layout.Columns.FirstOrDefault(c => c.Kind == SlotKind.Column && c.Index == layout.TsIndex)?.Name ?? "ts"
        : "ts";
}
