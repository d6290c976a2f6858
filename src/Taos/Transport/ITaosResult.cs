using Taos.Protocol;

namespace Taos.Transport;

/// <summary>A statement's answer, read forward only; disposing it drops what was not read.</summary>
internal interface ITaosResult : IDisposable, IAsyncDisposable
{
    /// <summary>The result's columns with their precision; for a DDL/INSERT answer the transport's affected-rows column.</summary>
    IReadOnlyList<TaosColumnMeta> Columns { get; }

    /// <summary>The affected row count of a DDL/INSERT answer; null for a query.</summary>
    long? AffectedRows { get; }

    /// <summary>The server's row count, known after the last row was read.</summary>
    long? RowCount { get; }

    /// <summary>Decodes the next row into <paramref name="row"/> (one slot per column); false at the end.</summary>
    ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken);
}
