namespace Taos.Server.Engine.Operators;

/// <summary>An operator that produces source rows as <see cref="DataBatch"/>es: a scan, or a filter over one.</summary>
internal abstract class BatchOperator
{
    /// <summary>The batches, produced lazily; each is valid until the next is requested.</summary>
    public abstract IEnumerable<DataBatch> Open();
}
