using System.Data;
using System.Text;
using System.Text.Json;
using Taos.Protocol;

namespace Taos;

/// <summary>
/// A thin client for TDengine's REST interface (the counterpart of taospy's <c>taosrest.RestClient</c>): send a
/// statement, get the whole answer as .NET values. For large results use <see cref="TaosCommand.ExecuteReader()"/>,
/// which streams. Thread-safe; dispose it to release its HTTP connections.
/// </summary>
public sealed class RestClient : IDisposable
{
    private readonly TaosDataSource _dataSource;

    /// <summary>Creates a client.</summary>
    /// <param name="url">The REST endpoint, e.g. <c>http://localhost:6041</c> or a TDengine Cloud URL.</param>
    /// <param name="user">The user (ignored when <paramref name="token"/> is set).</param>
    /// <param name="password">The password (ignored when <paramref name="token"/> is set).</param>
    /// <param name="token">A TDengine Cloud token, or one from <see cref="Login"/>.</param>
    /// <param name="timeout">The timeout per request (default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> for none).</param>
    /// <param name="database">The default database (<c>/rest/sql/{database}</c>).</param>
    /// <param name="timezone">An IANA time zone for the rendering of timestamps (<c>?tz=</c>).</param>
    public RestClient(string url, string? user = "root", string? password = "taosdata", string? token = null,
        TimeSpan? timeout = null, string? database = null, string? timezone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var settings = new TaosConnectionStringBuilder { Url = url, Database = database, Timezone = timezone, Token = token };
        if (user is not null) settings.Username = user;
        if (password is not null) settings.Password = password;
        var t = timeout ?? TimeSpan.FromSeconds(30);
        settings.Timeout = t == Timeout.InfiniteTimeSpan ? 0 : Math.Max(1, (int)Math.Ceiling(t.TotalSeconds));
        _dataSource = new TaosDataSourceBuilder(settings.ConnectionString).Build();
    }

    /// <summary>Runs one statement and returns its whole answer.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="reqId">The request id (<c>req_id</c>) to send; a random one when null.</param>
    /// <exception cref="TaosException">TDengine rejected the statement (with its code), or the request failed or timed out.</exception>
    public TaosRestResult Sql(string sql, long? reqId = null) => SqlAsync(sql, reqId, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Sql"/>
    public Task<TaosRestResult> SqlAsync(string sql, long? reqId = null, CancellationToken cancellationToken = default) =>
        SqlAsync(sql, reqId, true, cancellationToken).AsTask();

    private async ValueTask<TaosRestResult> SqlAsync(string sql, long? reqId, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var connection = _dataSource.CreateConnection();
        connection.OpenWithoutCheck();
        using var command = new TaosCommand(sql, connection) { RequestId = reqId };
        var reader = async
            ? await command.ExecuteReaderAsync(CommandBehavior.Default, cancellationToken).ConfigureAwait(false)
            : command.ExecuteReader();
        await using (reader.ConfigureAwait(false))
        {
            var columns = reader.GetColumnSchema().Cast<TaosDbColumn>().ToList();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(async, cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            return new TaosRestResult(columns, rows, reader.RecordsAffected >= 0 ? reader.RecordsAffected : null);
        }
    }

    /// <summary>Gets a token for <paramref name="user"/> from <c>/rest/login/{user}/{password}</c>; pass it as <c>token</c> or <c>Token=</c>.</summary>
    /// <exception cref="TaosException">The credentials were rejected or the server could not be reached.</exception>
    public static string Login(string url, string user, string password) =>
        LoginAsync(url, user, password, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Login"/>
    public static Task<string> LoginAsync(string url, string user, string password, CancellationToken cancellationToken = default) =>
        LoginAsync(url, user, password, true, cancellationToken).AsTask();

    private static async ValueTask<string> LoginAsync(string url, string user, string password, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var uri = new Uri(url.TrimEnd('/') + RestProtocol.LoginPath + "/" + Uri.EscapeDataString(user) + "/" + Uri.EscapeDataString(password));
        using var http = new HttpClient();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = async
                ? await http.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : http.Send(request, cancellationToken);
            byte[] body = async
                ? await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)
                : ReadAll(response.Content.ReadAsStream(cancellationToken));
            int code;
            string? desc;
            try
            {
                using var doc = JsonDocument.Parse(body);
                code = doc.RootElement.GetProperty(RestProtocol.Code).GetInt32();
                desc = doc.RootElement.TryGetProperty(RestProtocol.Desc, out var d) ? d.GetString() : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new TaosException(TaosStrings.HttpError((int)response.StatusCode, Encoding.UTF8.GetString(body)), innerException: e);
            }
            if (code != 0)
            {
                throw new TaosException(TaosStrings.ServerError(code, desc ?? ""), code, desc);
            }
            return desc ?? "";
        }
        catch (HttpRequestException e)
        {
            throw new TaosException(TaosStrings.NetworkFailure(uri, e.Message), innerException: e);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => _dataSource.Dispose();
}
