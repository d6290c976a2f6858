using Taos.Server.Engine.Operators;

namespace Taos.Server.Engine.Planning;

/// <summary>A planned query: its result columns, the operator producing its rows, and the precision of its timestamps.</summary>
internal sealed record QueryPlan(IReadOnlyList<ResultColumn> Columns, RowOperator Root, TaosPrecision Precision)
{
    /// <summary>The query has an ORDER BY: its rows come out of a sort (see <see cref="RowSetResult.Sorted"/>).</summary>
    public bool Sorted { get; init; }

    /// <summary>The same rows as typed vectors, when the plan can hand them on without boxing (see <see cref="RowSetResult.Batches"/>).</summary>
    public VectorProjectOperator? VectorRoot { get; init; }

    /// <summary>Runs the plan: the result, whose rows are produced as they are enumerated.</summary>
    public RowSetResult Run() =>
        new(Columns, Root.Open().Select(r => r.Values), Precision) { Sorted = Sorted, Batches = VectorRoot?.Open() };
}
