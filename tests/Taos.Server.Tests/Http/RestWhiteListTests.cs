using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Taos.Server.Tests.Http;

/// <summary>
/// The IP white list at REST login, over real loopback: the client binds 127.0.0.2 (loopback, but not the
/// 127.0.0.1 every list admits), so a user whose list lacks it is refused with 308 while root is not.
/// </summary>
public sealed class RestWhiteListTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-rest-hosts-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _local = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly HttpClient _fromOther = new(new SocketsHttpHandler { ConnectCallback = ConnectFrom127002Async }) { Timeout = TimeSpan.FromSeconds(60) };
    private TaosServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir, EnforcePrivileges = true });

    public async Task DisposeAsync()
    {
        _local.Dispose();
        _fromOther.Dispose();
        await _server.DisposeAsync();
        ServerFixture.TryDelete(_dir);
    }

    /// <summary>Connects from 127.0.0.2 to the server on 127.0.0.1 (a loopback address outside every default white list).</summary>
    internal static async ValueTask<Stream> ConnectFrom127002Async(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<(int Code, string Text)> SqlAsync(HttpClient client, string sql, string user = "root", string password = "taosdata")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Url, "/rest/sql")) { Content = new StringContent(sql, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = ServerFixture.Basic(user, password);
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (JsonDocument.Parse(text).RootElement.GetProperty("code").GetInt32(), text);
    }

    [Fact]
    public async Task A_user_whose_list_lacks_the_client_is_refused_while_root_is_not()
    {
        Assert.Equal(0, (await SqlAsync(_local, "create user u1 pass 'p1'")).Code);
        Assert.Equal(0, (await SqlAsync(_local, "select 1", "u1", "p1")).Code);

        var (code, text) = await SqlAsync(_fromOther, "select 1", "u1", "p1");
        Assert.Equal(308, code);
        Assert.Contains("Not allowed to connect", text, StringComparison.Ordinal);
        Assert.Equal(0, (await SqlAsync(_fromOther, "select 1")).Code);
        using (var login = await _fromOther.GetAsync(new Uri(_server.Url, "/rest/login/u1/p1")))
        {
            Assert.NotEqual(0, JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        }

        Assert.Equal(0, (await SqlAsync(_local, "alter user u1 add host '127.0.0.0/24'")).Code);
        Assert.Equal(0, (await SqlAsync(_fromOther, "select 1", "u1", "p1")).Code);
        using (var login = await _fromOther.GetAsync(new Uri(_server.Url, "/rest/login/u1/p1")))
        {
            Assert.Equal(0, JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        }

        Assert.Equal(0, (await SqlAsync(_local, "alter user u1 drop host '127.0.0.0/24'")).Code);
        Assert.Equal(308, (await SqlAsync(_fromOther, "select 1", "u1", "p1")).Code);
    }
}
