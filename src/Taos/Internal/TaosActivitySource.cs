using System.Diagnostics;
using System.Globalization;

namespace Taos;

/// <summary>
/// Tracing: one <see cref="Activity"/> per command (until the answer's header is read), named after the statement's
/// first keyword, with OpenTelemetry's database tags. Listen to the source named <c>Taos</c>.
/// </summary>
internal static class TaosActivitySource
{
    public const string Name = "Taos";

    private static readonly ActivitySource Source = new(Name, typeof(TaosActivitySource).Assembly.GetName().Version?.ToString());

    public static Activity? StartCommand(TaosDataSource dataSource, string? database, string sql, long requestId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        string operation = FirstWord(sql);
        var activity = Source.StartActivity(operation.Length == 0 ? "taos" : operation, ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("db.system.name", "tdengine");
            activity.SetTag("db.operation.name", operation);
            if (!string.IsNullOrEmpty(database)) activity.SetTag("db.namespace", database);
            activity.SetTag("db.query.text", sql);
            activity.SetTag("server.address", dataSource.Endpoint.Host);
            activity.SetTag("server.port", dataSource.Endpoint.Port);
            activity.SetTag("taos.req_id", requestId.ToString(CultureInfo.InvariantCulture));
            // The connection string with password and token masked.
            activity.SetTag("db.connection_string", dataSource.ConnectionString);
        }
        return activity;
    }

    public static void Fail(Activity? activity, Exception e)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, e.Message);
        activity.SetTag("error.type", e is TaosException t && t.ErrorCode != TaosException.ClientErrorCode
            ? t.ErrorCode.ToString(CultureInfo.InvariantCulture)
            : e.GetType().FullName);
    }

    private static string FirstWord(string sql)
    {
        var span = sql.AsSpan().TrimStart();
        int end = 0;
        while (end < span.Length && char.IsAsciiLetter(span[end])) end++;
        return span[..end].ToString().ToUpperInvariant();
    }
}
