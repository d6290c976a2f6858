using System.Diagnostics;

namespace Taos.Tests.Integration;

public abstract class TracingTests(ServerFixture server)
{
    [Fact]
    public async Task Command_emits_activity_with_db_tags_and_no_password()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Taos",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        await using var ds = TaosDataSource.Create(server.ConnectionString("information_schema", "Password=taosdata"));
        await using var cmd = ds.CreateCommand("select 1");
        cmd.RequestId = 31337;
        Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        cmd.CommandText = "select * from no_such_db.t";
        await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteNonQueryAsync());

        List<Activity> mine;
        lock (stopped) mine = stopped.Where(a => (string?)a.GetTagItem("taos.req_id") == "31337").ToList();
        Assert.Equal(2, mine.Count);
        var ok = mine[0];
        Assert.Equal("SELECT", ok.OperationName);
        Assert.Equal(ActivityKind.Client, ok.Kind);
        Assert.Equal("tdengine", ok.GetTagItem("db.system.name"));
        Assert.Equal("select 1", ok.GetTagItem("db.query.text"));
        Assert.Equal("information_schema", ok.GetTagItem("db.namespace"));
        Assert.Equal(server.Url.Port, ok.GetTagItem("server.port"));
        Assert.DoesNotContain("taosdata", (string)ok.GetTagItem("db.connection_string")!);
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        var failed = mine[1];
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("9826", failed.GetTagItem("error.type"));
    }
}

[Collection(ServerCollection.Name)]
public sealed class TracingTestsOverRest(ServerFixture server) : TracingTests(server);

[Collection(WsServerCollection.Name)]
public sealed class TracingTestsOverWebSocket(WsServerFixture server) : TracingTests(server);
