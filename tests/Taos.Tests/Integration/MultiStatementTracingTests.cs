using System.Diagnostics;

namespace Taos.Tests.Integration;

public abstract class MultiStatementTracingTests(ServerFixture server)
{
    [Fact]
    public void Each_statement_of_a_command_emits_its_own_activity_with_its_own_text()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Taos",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        using var cmd = server.DataSource.CreateCommand("select 1; -- between\n select 2;");
        cmd.RequestId = 42424242;
        Assert.Equal(1L, cmd.ExecuteScalar());

        List<Activity> mine;
        lock (stopped) mine = stopped.Where(a => (string?)a.GetTagItem("taos.req_id") == "42424242").ToList();
        Assert.Equal(["select 1", "select 2"], mine.Select(a => (string?)a.GetTagItem("db.query.text")));
    }
}

[Collection(ServerCollection.Name)]
public sealed class MultiStatementTracingTestsOverRest(ServerFixture server) : MultiStatementTracingTests(server);

[Collection(WsServerCollection.Name)]
public sealed class MultiStatementTracingTestsOverWebSocket(WsServerFixture server) : MultiStatementTracingTests(server);
