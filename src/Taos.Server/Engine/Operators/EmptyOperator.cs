namespace Taos.Server.Engine.Operators;

/// <summary>No rows: a query whose WHERE folds to false, or whose SLIMIT/SOFFSET skips its only group.</summary>
internal sealed class EmptyOperator : RowOperator
{
    public override IEnumerable<OutRow> Open() => [];
}
