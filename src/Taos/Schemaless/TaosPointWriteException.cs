namespace Taos.Schemaless;

/// <summary>
/// A batch of a <see cref="TaosPointWriter"/> that was not written: the server refused it (a bad point fails its whole
/// batch, as TDengine writes a request entirely or not at all; <see cref="Exception.InnerException"/> is the
/// <see cref="TaosException"/> with TDengine's code) or it failed after the retries.
/// </summary>
public sealed class TaosPointWriteException : Exception
{
    /// <summary>Creates the exception for <paramref name="points"/>, which failed with <paramref name="innerException"/>.</summary>
    public TaosPointWriteException(IReadOnlyList<TaosPoint> points, Exception innerException)
        : base(SchemalessStrings.BatchFailed(points.Count, innerException.Message), innerException)
    {
        Points = points;
    }

    /// <summary>The points of the batch, none of them written; they may be written again once the cause is fixed.</summary>
    public IReadOnlyList<TaosPoint> Points { get; }

    /// <summary>TDengine's error code of the failure, or <see cref="TaosException.ClientErrorCode"/> for a network failure or another cause.</summary>
    public int ErrorCode => InnerException is TaosException e ? e.ErrorCode : TaosException.ClientErrorCode;
}
