namespace Taos.Server.Engine.Operators;

/// <summary>UNION ALL: every row of <paramref name="left"/>, then every row of <paramref name="right"/>.</summary>
internal sealed class UnionAllOperator(RowOperator left, RowOperator right) : RowOperator
{
    public override IEnumerable<OutRow> Open() => left.Open().Concat(right.Open());
}
