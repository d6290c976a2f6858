using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Taos.Protocol;
using Taos.Protocol.Rest;
using Taos.Server.Engine;
using Taos.Server.Engine.Users;

namespace Taos.Server.Http;

/// <summary>
/// taosAdapter 3.3.0.1's REST interface: <c>POST /rest/sql[/{db}]</c> and <c>GET|POST /rest/login/{user}/{password}</c>.
/// Checks run in taosAdapter's order: <c>req_id</c>, Authorization, <c>tz</c>, body, credentials, statement.
/// </summary>
internal sealed class RestHandler
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string SqlPrefix = RestProtocol.SqlPath + "/";
    private const string LoginPrefix = RestProtocol.LoginPath + "/";
    private const int MaxCredentialBytes = 24;
    /// <summary>The app perf_connections names for a REST request: taosAdapter's connections are its own.</summary>
    private const string AdapterAppName = "taosadapter";

    private readonly SqlEngine _engine;
    private readonly TaosServerOptions _options;
    private readonly ILogger _logger;
    private readonly string _hostName;

    public RestHandler(SqlEngine engine, TaosServerOptions options, ILogger logger)
    {
        _engine = engine;
        _options = options;
        _logger = logger;
        // CURRENT_USER() names the host the client library runs on; behind taosAdapter that is the server's host.
        _hostName = GetHostName();
    }

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            string path = context.Request.Path.Value ?? "";
            string method = context.Request.Method;
            if (HttpMethods.IsPost(method) && path == RestProtocol.SqlPath)
            {
                await SqlAsync(context, null).ConfigureAwait(false);
            }
            else if (HttpMethods.IsPost(method) && IsSqlWithDatabasePath(path))
            {
                await SqlAsync(context, path[SqlPrefix.Length..]).ConfigureAwait(false);
            }
            else if ((HttpMethods.IsGet(method) || HttpMethods.IsPost(method)) && TrySplitLogin(path, out string user, out string password))
            {
                await LoginAsync(context, user, password).ConfigureAwait(false);
            }
            else if (path.Length > 1 && path.EndsWith('/') && IsRoute(method, path[..^1]))
            {
                // gin's RedirectTrailingSlash: 301 for GET, 307 (body and method kept) for the rest.
                context.Response.StatusCode = HttpMethods.IsGet(method) ? 301 : 307;
                context.Response.Headers.Location = path[..^1] + context.Request.QueryString.Value;
            }
            else
            {
                await NotFoundAsync(context).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "request {Path} failed", context.Request.Path.Value);
            if (context.Response.HasStarted)
            {
                // Half an answer must not look whole: drop the connection so the client sees the failure.
                context.Abort();
            }
            else
            {
                // taosAdapter's answer for an error of its own (CommonErrorResponse): 0xFFFF and the error's text.
                context.Response.Clear();
                await WriteErrorAsync(context, AdapterError.Taos(ServerErrorCode.AdapterError, ex.Message)).ConfigureAwait(false);
            }
        }
    }

    private async Task SqlAsync(HttpContext context, string? db)
    {
        var request = context.Request;
        if (!TryCheckRequestId(request, out AdapterError? error) ||
            !RestAuth.TryReadHeader(request.Headers.Authorization.ToString(), First(request, RestProtocol.TokenParameter), out RestCredentials credentials, out error) ||
            !TryResolveZone(request, out TimeZoneInfo zone, out error))
        {
            await WriteErrorAsync(context, error!).ConfigureAwait(false);
            return;
        }

        RestBodyStatus status;
        string sql;
        try
        {
            (status, sql) = await RestBody.ReadSqlAsync(request.BodyReader, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            // A body that ends before its Content-Length or breaks its chunking: taosAdapter's GetRawData failure.
            await WriteErrorAsync(context, AdapterError.InvalidContentLength).ConfigureAwait(false);
            return;
        }
        if (status == RestBodyStatus.Empty)
        {
            await WriteErrorAsync(context, AdapterError.RequestEmpty).ConfigureAwait(false);
            return;
        }
        if (status == RestBodyStatus.Blank)
        {
            await WriteErrorAsync(context, AdapterError.NoSqlInput).ConfigureAwait(false);
            return;
        }
        // taosAdapter connects (and so checks the password) only after it has the statement.
        var login = _engine.Users.Authenticate(credentials.User, credentials.Password, context.Connection.RemoteIpAddress);
        if (login != LoginResult.Ok)
        {
            var failure = UserDirectory.Failure(login);
            await WriteErrorAsync(context, AdapterError.Taos(failure.Code, failure.Message)).ConfigureAwait(false);
            return;
        }
        if (status == RestBodyStatus.TooLong)
        {
            await WriteErrorAsync(context, AdapterError.Taos(RestBody.SqlTooLongCode, RestBody.SqlTooLongDesc)).ConfigureAwait(false);
            return;
        }

        var session = new SqlSession { Database = db, User = credentials.User, ClientHost = _hostName };
        // The request is a connection and its statement a query while it runs (perf_connections, perf_queries, KILL).
        var live = _engine.Admin.Connections;
        var connection = live.Open(credentials.User, AdapterAppName, Environment.ProcessId, Peer(context), context.Abort);
        var query = live.Start(connection.Id, sql);
        try
        {
            await ExecuteAsync(context, sql, session, zone, query).ConfigureAwait(false);
        }
        finally
        {
            live.Finished(query);
            live.Closed(connection.Id);
        }
    }

    /// <summary>Runs the statement and writes its answer; a KILL QUERY of <paramref name="query"/> stops its rows.</summary>
    private async Task ExecuteAsync(HttpContext context, string sql, SqlSession session, TimeZoneInfo zone, Engine.Admin.LiveQuery query)
    {
        StatementResult result;
        try
        {
            result = _engine.Execute(sql, session);
        }
        catch (TaosServerException ex)
        {
            await WriteErrorAsync(context, AdapterError.Taos(ex.Code, ex.Message)).ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case AffectedRowsResult affected:
                StartJson(context);
                await RestResultWriter.WriteAffectedRowsAsync(context.Response.BodyWriter, affected.AffectedRows, context.RequestAborted).ConfigureAwait(false);
                break;
            case RowSetResult rowSet:
                await WriteRowSetAsync(context, Engine.Admin.KillableResult.Guard(rowSet, query), zone).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"unknown result {result.GetType().Name}");
        }
    }

    private async Task WriteRowSetAsync(HttpContext context, RowSetResult rowSet, TimeZoneInfo zone)
    {
        IEnumerator<object?[]>? rows = null;
        try
        {
            bool hasFirst;
            try
            {
                rows = rowSet.Rows.GetEnumerator();
                hasFirst = rows.MoveNext();
            }
            catch (TaosServerException ex)
            {
                await WriteErrorAsync(context, AdapterError.Taos(ex.Code, ex.Message)).ConfigureAwait(false);
                return;
            }
            StartJson(context);
            try
            {
                await RestResultWriter.WriteRowSetAsync(context.Response.BodyWriter, rowSet, rows, hasFirst, zone, context.RequestAborted).ConfigureAwait(false);
            }
            catch (RestStreamException ex)
            {
                _logger.LogWarning(ex.InnerException, "a result failed after {Path} had started answering; the data was cut short", context.Request.Path.Value);
            }
        }
        finally
        {
            rows?.Dispose();
            (rowSet.Rows as IDisposable)?.Dispose();
        }
    }

    /// <summary>The client's address as perf_connections shows an endpoint: <c>ip:port</c>.</summary>
    internal static string Peer(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? ip + ":" + context.Connection.RemotePort.ToString(CultureInfo.InvariantCulture) : "";

    private async Task LoginAsync(HttpContext context, string user, string password)
    {
        if (!TryCheckRequestId(context.Request, out AdapterError? error))
        {
            await WriteErrorAsync(context, error).ConfigureAwait(false);
            return;
        }
        int userBytes = Encoding.UTF8.GetByteCount(user);
        int passwordBytes = Encoding.UTF8.GetByteCount(password);
        if (userBytes is 0 or > MaxCredentialBytes || passwordBytes is 0 or > MaxCredentialBytes)
        {
            await WriteErrorAsync(context, AdapterError.GenerateTokenError).ConfigureAwait(false);
            return;
        }
        if (_engine.Users.Authenticate(user, password, context.Connection.RemoteIpAddress) != LoginResult.Ok)
        {
            await WriteErrorAsync(context, AdapterError.LoginAuthFailure).ConfigureAwait(false);
            return;
        }
        await WriteMessageAsync(context, 200, 0, RestAuth.EncodeToken(user, password)).ConfigureAwait(false);
    }

    private static bool IsRoute(string method, string path) =>
        (HttpMethods.IsPost(method) && (path == RestProtocol.SqlPath || IsSqlWithDatabasePath(path))) ||
        ((HttpMethods.IsGet(method) || HttpMethods.IsPost(method)) && TrySplitLogin(path, out _, out _));

    /// <summary><c>/rest/sql/{db}</c> with a non-empty <c>db</c> and nothing after it.</summary>
    private static bool IsSqlWithDatabasePath(string path) =>
        path.StartsWith(SqlPrefix, StringComparison.Ordinal) && path.Length > SqlPrefix.Length && path.IndexOf('/', SqlPrefix.Length) < 0;

    private static bool TrySplitLogin(string path, out string user, out string password)
    {
        user = password = "";
        if (!path.StartsWith(LoginPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        string rest = path[LoginPrefix.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1 || rest.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }
        user = rest[..slash];
        password = rest[(slash + 1)..];
        return true;
    }

    private static string? First(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>taosAdapter accepts <c>req_id</c> only as a decimal 64-bit integer (Go's strconv.ParseInt).</summary>
    internal static bool TryCheckRequestId(HttpRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out AdapterError? error)
    {
        error = null;
        string? text = First(request, RestProtocol.RequestIdParameter);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }
        ReadOnlySpan<char> digits = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        bool outOfRange = digits.Length > 0 && !digits.ContainsAnyExcept("0123456789");
        string reason = outOfRange ? "value out of range" : "invalid syntax";
        error = AdapterError.BadRequest($"illegal param, req_id must be numeric strconv.ParseInt: parsing {GoQuote(text)}: {reason}");
        return false;
    }

    /// <summary>
    /// Resolves <c>?tz=</c> like Go's time.LoadLocation: empty or <c>UTC</c> is UTC, <c>Local</c> the machine's
    /// zone, otherwise an IANA name. Without the parameter, results are rendered in the server's zone.
    /// </summary>
    private bool TryResolveZone(HttpRequest request, out TimeZoneInfo zone, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out AdapterError? error)
    {
        error = null;
        zone = _options.TimeZone;
        if (!request.Query.TryGetValue(RestProtocol.TimeZoneParameter, out var values) || values.Count == 0)
        {
            return true;
        }
        string name = values[0] ?? "";
        if (TryFindZone(name, out zone, out string? message))
        {
            return true;
        }
        error = AdapterError.BadRequest(message);
        return false;
    }

    internal static bool TryFindZone(string name, out TimeZoneInfo zone, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? message)
    {
        message = null;
        zone = TimeZoneInfo.Utc;
        if (name.Length == 0 || name == "UTC")
        {
            return true;
        }
        if (name == "Local")
        {
            zone = TimeZoneInfo.Local;
            return true;
        }
        if (name.Contains("..", StringComparison.Ordinal) || name[0] is '/' or '\\')
        {
            message = "time: invalid location name";
            return false;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            message = "unknown time zone " + name;
            return false;
        }
    }

    /// <summary>Go's strconv.Quote, for the ASCII cases that matter in error texts.</summary>
    private static string GoQuote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static void StartJson(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = JsonContentType;
    }

    private static Task WriteErrorAsync(HttpContext context, AdapterError error) =>
        WriteMessageAsync(context, error.Status, error.Code, error.Desc);

    /// <summary>A <c>{"code","desc"}</c> answer, written like gin's c.JSON: Go escaping, with a Content-Length.</summary>
    private static async Task WriteMessageAsync(HttpContext context, int status, int code, string desc)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + desc.Length);
        new RestEnvelopeWriter(buffer).WriteMessage(code, desc);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>gin's answer for a route it does not have (also for a known path with another method).</summary>
    private static async Task NotFoundAsync(HttpContext context)
    {
        byte[] body = "404 page not found"u8.ToArray();
        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/plain";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The server's host name (what CURRENT_USER() names as the client host behind taosAdapter).</summary>
    internal static string GetHostName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "localhost";
        }
    }
}
