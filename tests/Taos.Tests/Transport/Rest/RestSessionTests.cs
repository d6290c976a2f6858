using System.Net;
using System.Text;
using Taos.Transport;
using Taos.Transport.Rest;

namespace Taos.Tests.Transport.Rest;

public class RestSessionTests
{
    private const string AffectedOne = "{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[1]],\"rows\":1}";

    /// <summary>Answers every request with a fixed body and keeps what was sent.</summary>
    private sealed class CapturingHandler(string body) : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Sent { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        }
    }

    private static (RestTransport Transport, CapturingHandler Handler) Transport(string body = AffectedOne, string? zone = null)
    {
        var handler = new CapturingHandler(body);
        var settings = new TaosConnectionStringBuilder("Url=http://x.test") { Timezone = zone };
        var timeZone = zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone);
        return (new RestTransport(settings, timeZone, handler, disposeHandler: true), handler);
    }

    private static TaosRequest Request(string sql, params TaosRequestParameter[] parameters) =>
        new(sql, parameters, 42, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Parameters_arrive_as_values_and_are_bound_into_the_text_by_the_session()
    {
        var (transport, handler) = Transport();
        using var _ = transport;
        using var session = transport.CreateSession("power");
        await using var result = await session.ExecuteAsync(
            Request("insert into t values (@ts, @v, @s)", new TaosRequestParameter("@ts", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
                new TaosRequestParameter("v", 7), new TaosRequestParameter("S", "it's")),
            true, CancellationToken.None);
        Assert.Equal(1, result.AffectedRows);
        var (uri, body) = Assert.Single(handler.Sent);
        Assert.Equal("insert into t values ('2024-01-01T00:00:00.000Z', 7, 'it''s')", body);
        Assert.Equal("/rest/sql/power", uri.AbsolutePath);
        Assert.Equal("?req_id=42", uri.Query);
    }

    [Fact]
    public async Task Unspecified_DateTime_parameters_take_the_transports_time_zone()
    {
        var (transport, handler) = Transport(zone: "Asia/Shanghai");
        using var _ = transport;
        using var session = transport.CreateSession(null);
        await using var result = await session.ExecuteAsync(Request("select @t", new TaosRequestParameter("t", new DateTime(2024, 1, 1, 8, 0, 0))), true, CancellationToken.None);
        Assert.Equal("select '2024-01-01T00:00:00.000Z'", Assert.Single(handler.Sent).Body);
        Assert.Equal("/rest/sql", Assert.Single(handler.Sent).Uri.AbsolutePath);
    }

    [Fact]
    public async Task ChangeDatabase_is_remembered_for_the_following_statements()
    {
        var (transport, handler) = Transport();
        using var _ = transport;
        using var session = transport.CreateSession("a");
        await session.ChangeDatabaseAsync("b", true, CancellationToken.None);
        Assert.Equal("b", session.Database);
        await (await session.ExecuteAsync(Request("select 1"), true, CancellationToken.None)).DisposeAsync();
        Assert.Equal("/rest/sql/b", Assert.Single(handler.Sent).Uri.AbsolutePath);
        await Assert.ThrowsAsync<ArgumentException>(() => session.ChangeDatabaseAsync(" ", true, CancellationToken.None).AsTask());
        Assert.Equal("b", session.Database);
    }

    [Fact]
    public async Task Open_verifies_once_per_transport_and_an_ended_session_refuses_work()
    {
        var (transport, handler) = Transport("{\"code\":0,\"column_meta\":[[\"server_version()\",\"VARCHAR\",7]],\"data\":[[\"3.3.9.9\"]],\"rows\":1}");
        using var _ = transport;
        var first = transport.CreateSession(null);
        await first.OpenAsync(verify: true, TimeSpan.FromSeconds(5), true, CancellationToken.None);
        Assert.Equal("3.3.9.9", first.ServerVersion);
        using var second = transport.CreateSession(null);
        await second.OpenAsync(verify: true, TimeSpan.FromSeconds(5), true, CancellationToken.None);
        await second.OpenAsync(verify: false, TimeSpan.FromSeconds(5), true, CancellationToken.None);
        Assert.Equal("select server_version()", Assert.Single(handler.Sent).Body);
        Assert.Equal("3.3.9.9", second.ServerVersion);

        first.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.ExecuteAsync(Request("select 1"), true, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.ChangeDatabaseAsync("x", true, CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00.123Z", TaosPrecision.Milliseconds)]
    [InlineData("2024-01-01T00:00:00.123456Z", TaosPrecision.Microseconds)]
    [InlineData("2024-01-01T00:00:00.123456789Z", TaosPrecision.Nanoseconds)]
    public async Task Result_columns_carry_the_precision_of_the_first_rows_timestamps_also_for_a_NULL_one(string ts, TaosPrecision precision)
    {
        string body = "{\"code\":0,\"column_meta\":[[\"t2\",\"TIMESTAMP\",8],[\"ts\",\"TIMESTAMP\",8],[\"v\",\"INT\",4]]," +
            $"\"data\":[[null,\"{ts}\",1],[\"{ts}\",\"{ts}\",2]],\"rows\":2}}";
        var (transport, _) = Transport(body);
        using var __ = transport;
        using var session = transport.CreateSession(null);
        await using var result = await session.ExecuteAsync(Request("select t2, ts, v from t"), true, CancellationToken.None);
        Assert.All(result.Columns, c => Assert.Equal(precision, c.Precision));
        Assert.Null(result.AffectedRows);
        // The row read ahead for the precision is still the first row.
        var row = new Taos.Protocol.TaosValue[3];
        Assert.True(await result.ReadRowAsync(row, true, CancellationToken.None));
        Assert.True(row[0].IsNull);
        Assert.Equal(1, row[2].Int64);
        Assert.True(await result.ReadRowAsync(row, true, CancellationToken.None));
        Assert.Equal(2, row[2].Int64);
        Assert.False(await result.ReadRowAsync(row, true, CancellationToken.None));
        Assert.Equal(2, result.RowCount);
    }
}
