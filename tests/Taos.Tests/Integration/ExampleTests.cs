using Taos.Examples;

namespace Taos.Tests.Integration;

/// <summary>Runs the main logic of each program under examples/ against an embedded server, so they keep working.</summary>
public abstract class ExampleTests(ServerFixture server)
{
    private string ConnectionString => server.ConnectionString();

    [Fact]
    public async Task Connection_example_prints_the_eight_meter_rows()
    {
        var output = new StringWriter();
        await ConnectionExample.RunAsync(ConnectionString, output);
        string text = output.ToString();
        Assert.Contains("TDengine 3.3.0.1", text);
        Assert.Contains("Inserted 8 rows", text);
        var rows = text.Split('\n').Where(l => l.StartsWith("d100", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, rows.Count);
        Assert.StartsWith("d1001   2018-10-03 14:38:05.000", rows[0]);
        Assert.Contains("California.SanFrancisco", rows[0]);
        Assert.StartsWith("d1001   2018-10-03 14:38:16.800", rows[7]);
        Assert.Contains("8 rows", text);
    }

    [Fact]
    public async Task Cursor_example_prints_rowcount_description_and_rows()
    {
        var output = new StringWriter();
        await CursorExample.RunAsync(ConnectionString, output);
        string text = output.ToString();
        Assert.Contains("rowcount: 2", text);
        Assert.Contains("(ts, TIMESTAMP, 8, DateTime)", text);
        Assert.Contains("(current, FLOAT, 4, Single)", text);
        Assert.Contains("(location, VARCHAR, 24, String)", text);
        Assert.Contains("fetched 3 rows", text);
    }

    [Fact]
    public async Task RestClient_example_prints_meta_and_rows()
    {
        var output = new StringWriter();
        await RestClientExample.RunAsync(server.BaseUrl, null, output);
        string text = output.ToString();
        Assert.Contains("column_meta: [ts, TIMESTAMP, 8], [current, FLOAT, 4], [voltage, INT, 4], [location, VARCHAR, 24]", text);
        Assert.Contains("[2018-10-03T14:38:16.6000000Z, 13.4, 223, California.LosAngeles]", text);
        Assert.Contains("rows: 4", text);
    }

    [Fact]
    public async Task RestClient_example_works_with_a_login_token()
    {
        string token = await RestClient.LoginAsync(server.BaseUrl, "root", "taosdata");
        var output = new StringWriter();
        await RestClientExample.RunAsync(server.BaseUrl, token, output);
        Assert.Contains("rows: 4", output.ToString());
    }

    [Fact]
    public async Task ExceptionHandling_example_catches_TaosException_with_code()
    {
        var output = new StringWriter();
        await ExceptionHandlingExample.RunAsync(ConnectionString, output);
        string text = output.ToString();
        Assert.Contains("code 9826 (0x2662), desc \"Fail to get table info, error: Table does not exist\"", text);
        Assert.Contains("code 9728 (0x2600)", text);
    }
}

public sealed class ExampleTestsOverRest(ServerFixture server) : ExampleTests(server), IClassFixture<ServerFixture>;

public sealed class ExampleTestsOverWebSocket(WsServerFixture server) : ExampleTests(server), IClassFixture<WsServerFixture>;
