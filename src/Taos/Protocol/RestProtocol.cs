namespace Taos.Protocol;

/// <summary>The REST interface's paths, field names and fixed answers, shared by client and server.</summary>
internal static class RestProtocol
{
    public const string SqlPath = "/rest/sql";
    public const string LoginPath = "/rest/login";

    public const string TimeZoneParameter = "tz";
    public const string RequestIdParameter = "req_id";
    public const string TokenParameter = "token";

    public const string Code = "code";
    public const string Desc = "desc";
    public const string ColumnMeta = "column_meta";
    public const string Data = "data";
    public const string Rows = "rows";

    /// <summary>The single column of a DDL or INSERT answer.</summary>
    public const string AffectedRowsColumn = "affected_rows";

    /// <summary>The version string the server reports and the client expects.</summary>
    public const string ServerVersion = "3.3.0.1";
}
