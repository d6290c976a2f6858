namespace Taos.Server.Sql.Ast;

/// <summary>When a stream writes a window's result: <c>TRIGGER AT_ONCE | WINDOW_CLOSE | MAX_DELAY t</c>.</summary>
internal enum StreamTrigger
{
    /// <summary>On every write that touches the window.</summary>
    AtOnce,
    /// <summary>Once the watermark passed the window's end.</summary>
    WindowClose,
    /// <summary>When the window closes, and at the latest the MAX_DELAY after a write into it.</summary>
    MaxDelay,
}

/// <summary>
/// The options of CREATE STREAM as written; what is not written is null (TDengine's defaults apply:
/// <see cref="StreamTrigger.WindowClose"/>, watermark 0, IGNORE EXPIRED 1, FILL_HISTORY 0, IGNORE UPDATE 1).
/// </summary>
internal sealed record StreamOptions(
    StreamTrigger? Trigger,
    Duration? MaxDelay,
    Duration? Watermark,
    bool? IgnoreExpired,
    Duration? DeleteMark,
    bool? FillHistory,
    bool? IgnoreUpdate)
{
    /// <summary>No option written.</summary>
    public static StreamOptions None { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>
/// <c>CREATE STREAM [IF NOT EXISTS] name [options] INTO [db.]stb [(col, …)] [TAGS (def, …)] [SUBTABLE(expr)] AS query</c>.
/// </summary>
internal sealed record CreateStreamStatement(
    string Name,
    bool IfNotExists,
    StreamOptions Options,
    TableName Target,
    IReadOnlyList<string> Columns,
    IReadOnlyList<ColumnDefinition> Tags,
    Expr? Subtable,
    SelectStatement Query) : Statement;

/// <summary><c>DROP STREAM [IF EXISTS] name</c>.</summary>
internal sealed record DropStreamStatement(string Name, bool IfExists) : Statement;

/// <summary><c>PAUSE STREAM [IF EXISTS] name</c>.</summary>
internal sealed record PauseStreamStatement(string Name, bool IfExists) : Statement;

/// <summary><c>RESUME STREAM [IF EXISTS] [IGNORE UNTREATED] name</c>.</summary>
internal sealed record ResumeStreamStatement(string Name, bool IfExists, bool IgnoreUntreated) : Statement;
