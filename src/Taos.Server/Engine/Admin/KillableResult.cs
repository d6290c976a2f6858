using System.Collections;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// A result whose rows stop when KILL QUERY cancels its statement: the next row (or batch) pulled after the kill
/// fails with TDengine's 0x022D Query killed, what the client library reports for a killed query.
/// </summary>
internal static class KillableResult
{
    private const int QueryKilledCode = 0x022D;

    /// <summary><paramref name="result"/> with its rows and batches checking <paramref name="query"/>'s cancellation.</summary>
    public static RowSetResult Guard(RowSetResult result, LiveQuery query)
    {
        var token = query.Cancellation.Token;
        return result with
        {
            Rows = new Guarded<object?[]>(result.Rows, token),
            Batches = result.Batches is { } batches ? new Guarded<ResultBatch>(batches, token) : null,
        };
    }

    /// <summary>The rows of <paramref name="inner"/>, failing once <paramref name="token"/> is cancelled; disposing it disposes <paramref name="inner"/>.</summary>
    private sealed class Guarded<T>(IEnumerable<T> inner, CancellationToken token) : IEnumerable<T>, IDisposable
    {
        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in inner)
            {
                if (token.IsCancellationRequested) throw new TaosServerException(QueryKilledCode, "Query killed");
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
