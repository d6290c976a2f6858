namespace Taos.Server.Tests.Engine.Admin;

/// <summary>KILL CONNECTION / QUERY / TRANSACTION / COMPACT with ids that name nothing.</summary>
public class KillCommandsTests : EngineTestBase
{
    [Fact]
    public void Kill_of_nothing_answers_the_mnode_codes()
    {
        Fails("kill connection 99", 0x030E, "Invalid connection id");
        Fails("kill query 'abc'", 0x030C, "Invalid query id");
        Fails("kill query '63:1'", 0x030E, "Invalid connection id");
        Fails("kill transaction 1", 0x03D1, "Transaction not exists");
        Fails("kill compact 99", 0x04B1, "Invalid compact id");
    }

    [Fact]
    public void Kill_connection_closes_a_registered_connection_and_kill_query_cancels_its_statement()
    {
        var registry = Engine.Admin.Connections;
        bool closed = false;
        var connection = registry.Open("root", "test", 42, "127.0.0.1:5000", () => closed = true);
        var query = registry.Start(connection.Id, "select * from t");
        var queries = Rows("show queries");
        Assert.Contains(queries, r => (string)r[0]! == query.KillId && (string)r[12]! == "select * from t" && (string)r[3]! == "test" && (string)r[5]! == "root");
        Assert.Contains(Rows("show connections"), r => (int)r[0]! == connection.Id && (string)r[1]! == "root");
        Assert.Equal(0, Affected($"kill query '{query.KillId}'"));
        Assert.True(query.Cancellation.IsCancellationRequested);
        Assert.Equal(0, Affected($"kill connection {connection.Id}"));
        Assert.True(closed);
        registry.Finished(query);
        registry.Closed(connection.Id);
        Assert.DoesNotContain(Rows("show connections"), r => (int)r[0]! == connection.Id);
        Fails($"kill connection {connection.Id}", 0x030E, "Invalid connection id");
    }
}
