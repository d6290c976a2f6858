using Taos.Protocol;

namespace Taos.Rest;

/// <summary>
/// How statements reach TDengine. The REST implementation is <see cref="RestTransport"/>; a WebSocket transport
/// can implement the same contract later.
/// </summary>
internal interface ITaosTransport
{
    /// <summary>The server address, for messages.</summary>
    Uri Endpoint { get; }

    /// <summary>
    /// Sends one statement and returns its result positioned before the first row. Throws <see cref="TaosException"/>
    /// for an error answer, network failures and timeouts; <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires.
    /// </summary>
    ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken);
}

/// <summary>One statement to send.</summary>
/// <param name="Sql">The statement text, parameters already bound.</param>
/// <param name="Database">The default database for the statement, or null.</param>
/// <param name="RequestId">The client-chosen request id (<c>req_id</c>).</param>
/// <param name="Timeout">Time allowed until the answer starts and between reads of it; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
internal sealed record TaosRequest(string Sql, string? Database, long RequestId, TimeSpan Timeout);

/// <summary>A statement's answer, read forward only.</summary>
internal interface ITaosResult : IDisposable, IAsyncDisposable
{
    IReadOnlyList<TaosColumnMeta> Columns { get; }

    /// <summary>The affected row count of a DDL/INSERT answer (<c>affected_rows</c>); null for a query.</summary>
    long? AffectedRows { get; }

    /// <summary>The server's <c>rows</c> count, known after the last row was read.</summary>
    long? RowCount { get; }

    /// <summary>Decodes the next row into <paramref name="row"/> (one slot per column); false at the end.</summary>
    ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken);
}
