namespace Taos.Server.Engine.Operators;

/// <summary>An operator that produces output rows: a projection, an aggregation, a window, or a stage after them.</summary>
internal abstract class RowOperator
{
    /// <summary>The output rows, produced lazily.</summary>
    public abstract IEnumerable<OutRow> Open();
}
