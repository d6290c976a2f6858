using System.Net;
using System.Text;

namespace Taos.Tests;

/// <summary>What a reader does with the statements after one whose answer breaks off mid-result.</summary>
public class TaosDataReaderFailureTests
{
    /// <summary>Answers a query with rows cut off in the middle (malformed), anything else with one affected row; counts the INSERTs.</summary>
    private sealed class BrokenQueryHandler : HttpMessageHandler
    {
        public int Inserts;

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string sql = request.Content!.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
            if (sql.StartsWith("insert", StringComparison.Ordinal)) Interlocked.Increment(ref Inserts);
            string body = sql.StartsWith("select v", StringComparison.Ordinal)
                ? "{\"code\":0,\"column_meta\":[[\"v\",\"INT\",4]],\"data\":[[1],[2],[3x"
                : "{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[1]],\"rows\":1}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_read_that_fails_mid_result_drops_the_statements_after_it(bool async)
    {
        var handler = new BrokenQueryHandler();
        await using var ds = new TaosDataSourceBuilder("Url=http://broken.test:6041").UseHttpMessageHandler(handler).Build();
        await using var c = ds.CreateConnection();
        c.Open();
        using var cmd = new TaosCommand("select v from t; insert into t values (now, 1); insert into t values (now, 2)", c);
        var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(1, r.GetInt32(0));
        await Assert.ThrowsAsync<TaosException>(async () =>
        {
            while (async ? await r.ReadAsync() : r.Read())
            {
            }
        });
        if (async) await r.DisposeAsync(); else r.Dispose();
        Assert.True(r.IsClosed);
        Assert.Equal(0, handler.Inserts);
        // The connection stays usable for the next command.
        using var next = new TaosCommand("insert into t values (now, 3)", c);
        Assert.Equal(1, next.ExecuteNonQuery());
        Assert.Equal(1, handler.Inserts);
    }
}
