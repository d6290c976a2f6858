using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Taos.Server.Tests.Http;

/// <summary>A real server on a free loopback port over a temporary data directory, shared by a test class.</summary>
public class ServerFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "taos-http-tests-" + Guid.NewGuid().ToString("N"));

    public TaosServer Server { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Whether the server runs with <see cref="TaosServerOptions.EnforcePrivileges"/>.</summary>
    protected virtual bool EnforcePrivileges => false;

    public async Task InitializeAsync() =>
        Server = await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = DataDirectory, EnforcePrivileges = EnforcePrivileges });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        TryDelete(DataDirectory);
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public Uri Uri(string pathAndQuery) => new(Server.Url, pathAndQuery);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    /// <summary>POSTs a body with root/taosdata Basic auth (unless another header is given).</summary>
    public async Task<RestAnswer> PostAsync(string pathAndQuery, HttpContent? content, AuthenticationHeaderValue? auth = null, bool noAuth = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Uri(pathAndQuery)) { Content = content };
        if (!noAuth)
        {
            request.Headers.Authorization = auth ?? Basic("root", "taosdata");
        }
        return await SendAsync(request);
    }

    public Task<RestAnswer> SqlAsync(string sql, string path = "/rest/sql", AuthenticationHeaderValue? auth = null) =>
        PostAsync(path, new StringContent(sql, Encoding.UTF8, "text/plain"), auth);

    public async Task<RestAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        return new RestAnswer(response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentLength, response.Headers.TransferEncodingChunked == true, body);
    }
}

/// <summary>One HTTP answer, kept whole.</summary>
public sealed record RestAnswer(System.Net.HttpStatusCode Status, string? ContentType, long? ContentLength, bool Chunked, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public int Code => Json.GetProperty("code").GetInt32();

    public string Desc => Json.GetProperty("desc").GetString()!;

    public override string ToString() => $"{(int)Status} {Text}";
}

/// <summary>A <see cref="ServerFixture"/> whose server enforces privileges and IP white lists (<c>--enforce-privileges</c>).</summary>
public sealed class EnforcingServerFixture : ServerFixture
{
    protected override bool EnforcePrivileges => true;
}
