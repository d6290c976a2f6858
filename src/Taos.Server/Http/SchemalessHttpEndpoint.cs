using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Http;

/// <summary>
/// taosAdapter 3.3.0.1's schemaless HTTP endpoints: <c>POST /influxdb/v1/write?db=…[&amp;precision=…][&amp;u=…&amp;p=…]</c>
/// (its plugin/influxdb: Basic or <c>u</c>/<c>p</c>, precision <c>ns</c> by default, errors as
/// <c>{"code":"…","message":"…"}</c>) and <c>POST /opentsdb/v1/put/json/{db}</c>, <c>/opentsdb/v1/put/telnet/{db}</c>
/// (its plugin/opentsdb: Basic only, errors as <c>{"code":status,"message":"…"}</c>). Success is 204 without a body;
/// a TDengine error is 500 with <c>[0x…] text</c>, the whole request written or nothing of it.
/// </summary>
internal sealed class SchemalessHttpEndpoint(SqlEngine engine)
{
    /// <summary>The InfluxDB v1 write path.</summary>
    public const string InfluxPath = "/influxdb/v1/write";

    private const string JsonPrefix = "/opentsdb/v1/put/json/";
    private const string TelnetPrefix = "/opentsdb/v1/put/telnet/";

    /// <summary>The largest body read; a larger one is refused with 400.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    /// <summary>True for a POST to one of the three paths.</summary>
    public static bool Accepts(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value is { } path
        && (path == InfluxPath || Database(path, JsonPrefix) is not null || Database(path, TelnetPrefix) is not null);

    public Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value!;
        if (path == InfluxPath) return InfluxAsync(context);
        return Database(path, JsonPrefix) is { } db
            ? OpenTsdbAsync(context, SmlProtocol.Json, db)
            : OpenTsdbAsync(context, SmlProtocol.Telnet, Database(path, TelnetPrefix)!);
    }

    /// <summary>The <c>{db}</c> of <c>prefix{db}</c> (non-empty, no further <c>/</c>), else null.</summary>
    private static string? Database(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length && path.IndexOf('/', prefix.Length) < 0
            ? path[prefix.Length..]
            : null;

    private async Task InfluxAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["req_id"].ToString() is { Length: > 0 } reqId && !ulong.TryParse(reqId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            await InfluxBadRequestAsync(context, "illegal param", "req_id must be numeric", "parse req_id").ConfigureAwait(false);
            return;
        }
        string precision = query["precision"].ToString() is { Length: > 0 } p ? p : "ns";
        if (!TryInfluxCredentials(context, out string user, out string password))
        {
            await InfluxMessageAsync(context, StatusCodes.Status401Unauthorized, "forbidden", "get auth error").ConfigureAwait(false);
            return;
        }
        string db = query["db"].ToString();
        if (db.Length == 0)
        {
            await InfluxBadRequestAsync(context, "not found", "db required", "get db query").ConfigureAwait(false);
            return;
        }
        int ttlDays = 0;
        if (query["ttl"].ToString() is { Length: > 0 } ttl && !int.TryParse(ttl, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ttlDays))
        {
            await InfluxBadRequestAsync(context, "illegal param", "ttl must be numeric", "parse ttl").ConfigureAwait(false);
            return;
        }
        string? data = await ReadBodyAsync(context).ConfigureAwait(false);
        if (data is null)
        {
            await InfluxBadRequestAsync(context, "internal error", "read line error", "read line").ConfigureAwait(false);
            return;
        }
        string? error = Insert(context, user, password, db, data.Trim(), new SmlRequest(SmlProtocol.Line, SmlTimeUnits.Parse(precision), ttlDays));
        if (error is null) context.Response.StatusCode = StatusCodes.Status204NoContent;
        else await InfluxMessageAsync(context, StatusCodes.Status500InternalServerError, "internal error", error).ConfigureAwait(false);
    }

    /// <summary>Basic credentials from the header, then <c>u</c> and <c>p</c> over them; false when either is missing.</summary>
    private static bool TryInfluxCredentials(HttpContext context, out string user, out string password)
    {
        string? u = null, p = null;
        string auth = context.Request.Headers.Authorization.ToString().Trim();
        if (auth.StartsWith("Basic", StringComparison.Ordinal) && auth.Length > 6 && TryDecodeBasic(auth[6..], out var pair) && pair.Length == 2)
        {
            (u, p) = (pair[0], pair[1]);
        }
        if (context.Request.Query["u"].ToString() is { Length: > 0 } qu) u = qu;
        if (context.Request.Query["p"].ToString() is { Length: > 0 } qp) p = qp;
        user = u ?? "";
        password = p ?? "";
        return u is not null && p is not null;
    }

    private static bool TryDecodeBasic(string encoded, out string[] parts)
    {
        parts = [];
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':');
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The OpenTSDB endpoints: the Authorization check of taosAdapter's plugin.Auth first, then <c>req_id</c>,
    /// <c>ttl</c> and the body, then the credentials (a header that is not Basic sets none: 400 <c>get auth error</c>).
    /// </summary>
    private async Task OpenTsdbAsync(HttpContext context, SmlProtocol protocol, string db)
    {
        string auth = context.Request.Headers.Authorization.ToString().Trim();
        string[]? credentials = null;
        if (auth.Length == 0)
        {
            await OpenTsdbErrorAsync(context, StatusCodes.Status401Unauthorized, "auth needed").ConfigureAwait(false);
            return;
        }
        if (auth.StartsWith("Basic", StringComparison.Ordinal))
        {
            if (auth.Length <= 6 || !TryDecodeBasic(auth[6..], out credentials) || credentials.Length != 2)
            {
                await OpenTsdbErrorAsync(context, StatusCodes.Status401Unauthorized, "parse error").ConfigureAwait(false);
                return;
            }
        }
        var query = context.Request.Query;
        if (query["req_id"].ToString() is { Length: > 0 } reqId && !ulong.TryParse(reqId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            await OpenTsdbErrorAsync(context, StatusCodes.Status400BadRequest, $"illegal param, req_id must be numeric strconv.ParseUint: parsing {JsonSerializer.Serialize(reqId)}: invalid syntax").ConfigureAwait(false);
            return;
        }
        int ttlDays = 0;
        if (query["ttl"].ToString() is { Length: > 0 } ttl && !int.TryParse(ttl, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ttlDays))
        {
            await OpenTsdbErrorAsync(context, StatusCodes.Status400BadRequest, $"illegal param, ttl must be numeric strconv.Atoi: parsing {JsonSerializer.Serialize(ttl)}: invalid syntax").ConfigureAwait(false);
            return;
        }
        string? data = await ReadBodyAsync(context).ConfigureAwait(false);
        if (data is null || credentials is null)
        {
            await OpenTsdbErrorAsync(context, StatusCodes.Status400BadRequest, data is null ? "request body too large" : "get auth error").ConfigureAwait(false);
            return;
        }
        string? error = Insert(context, credentials[0], credentials[1], db, data, new SmlRequest(protocol, SmlTimeUnit.NotConfigured, ttlDays));
        if (error is null) context.Response.StatusCode = StatusCodes.Status204NoContent;
        else await OpenTsdbErrorAsync(context, StatusCodes.Status500InternalServerError, error).ConfigureAwait(false);
    }

    /// <summary>Checks the credentials and writes; null on success, else taosAdapter's <c>[0x…] text</c> of the TDengine error.</summary>
    private string? Insert(HttpContext context, string user, string password, string db, string data, SmlRequest request)
    {
        try
        {
            var login = engine.Users.Authenticate(user, password, context.Connection.RemoteIpAddress);
            if (login != LoginResult.Ok)
            {
                throw UserDirectory.Failure(login);
            }
            if (data.Length > 0) engine.InsertSchemaless(user, db, data, request.Protocol, request.Unit, request.Ttl);
            return null;
        }
        catch (TaosServerException ex)
        {
            return $"[0x{ex.Code:x}] {ex.Message}";
        }
    }

    /// <summary>How a request's data is read and what its new child tables get.</summary>
    private readonly record struct SmlRequest(SmlProtocol Protocol, SmlTimeUnit Unit, int Ttl);

    /// <summary>The body as UTF-8 text, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int n;
            while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Task InfluxBadRequestAsync(HttpContext context, string code, string message, string op) =>
        WriteJsonAsync(context, StatusCodes.Status400BadRequest, w =>
        {
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteString("op", op);
            w.WriteString("err", message);
            w.WriteNumber("line", 0);
        });

    private static Task InfluxMessageAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, w =>
        {
            w.WriteString("code", code);
            w.WriteString("message", message);
        });

    private static Task OpenTsdbErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, w =>
        {
            w.WriteNumber("code", status);
            w.WriteString("message", message);
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> fields)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            fields(writer);
            writer.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
