using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE, DROP, PAUSE and RESUME STREAM (sql.y's stream rules).</summary>
internal sealed partial class Parser
{
    private const int MaxStreamNameBytes = 192;

    /// <summary>
    /// After <c>CREATE STREAM</c>: <c>[IF NOT EXISTS] name [options] INTO [db.]stb [(col, …)] [TAGS (def, …)]
    /// [SUBTABLE(expr)] AS query</c>.
    /// </summary>
    private Statement ParseCreateStream()
    {
        bool ifNotExists = ParseIfNotExists();
        string name = ParseName(MaxStreamNameBytes);
        var options = ParseStreamOptions();
        ExpectKw("into");
        var target = ParseNewTableName();
        var columns = ParseOptionalColumnNames() ?? [];
        List<ColumnDefinition> tags = IsKw("tags") ? ParseTagDefinitions() : [];
        Expr? subtable = TryKw("subtable") ? ParseParenthesized(ParseExpression) : null;
        ExpectKw("as");
        return new CreateStreamStatement(name, ifNotExists, options, target, columns, tags, subtable, ParseEmbeddedQuery());
    }

    /// <summary>After <c>DROP STREAM</c>: <c>[IF EXISTS] name</c>.</summary>
    private Statement ParseDropStream()
    {
        bool ifExists = ParseIfExists();
        return new DropStreamStatement(ParseName(MaxStreamNameBytes), ifExists);
    }

    /// <summary><c>PAUSE STREAM [IF EXISTS] name</c> or <c>RESUME STREAM [IF EXISTS] [IGNORE UNTREATED] name</c>.</summary>
    private Statement ParsePauseOrResumeStream()
    {
        bool resume = _cur.Word == "resume";
        Advance();
        ExpectKw("stream");
        bool ifExists = ParseIfExists();
        if (!resume)
        {
            return new PauseStreamStatement(ParseName(MaxStreamNameBytes), ifExists);
        }
        bool ignoreUntreated = false;
        if (TryKw("ignore"))
        {
            ExpectKw("untreated");
            ignoreUntreated = true;
        }
        return new ResumeStreamStatement(ParseName(MaxStreamNameBytes), ifExists, ignoreUntreated);
    }

    /// <summary>The stream options in any order, each at most once (else 9728 as TDengine words it).</summary>
    private StreamOptions ParseStreamOptions()
    {
        var options = StreamOptions.None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ParseStreamOption(options) is var (key, next))
        {
            if (!seen.Add(key))
            {
                throw new TaosServerException(ServerErrorCode.SyntaxError, "stream options each item is only set once");
            }
            options = next;
        }
        return options;
    }

    /// <summary>One stream option with the key it is counted under, or null when none follows.</summary>
    private (string Key, StreamOptions Options)? ParseStreamOption(StreamOptions options)
    {
        if (TryKw("trigger"))
        {
            if (TryKw("at_once")) return ("trigger", options with { Trigger = StreamTrigger.AtOnce });
            if (TryKw("window_close")) return ("trigger", options with { Trigger = StreamTrigger.WindowClose });
            ExpectKw("max_delay");
            return ("trigger", options with { Trigger = StreamTrigger.MaxDelay, MaxDelay = ParseDuration() });
        }
        if (TryKw("watermark")) return ("watermark", options with { Watermark = ParseDuration() });
        if (TryKw("delete_mark")) return ("delete_mark", options with { DeleteMark = ParseDuration() });
        if (TryKw("fill_history")) return ("fill_history", options with { FillHistory = ParseInteger() != 0 });
        if (!TryKw("ignore")) return null;
        if (TryKw("expired")) return ("ignore expired", options with { IgnoreExpired = ParseInteger() != 0 });
        ExpectKw("update");
        return ("ignore update", options with { IgnoreUpdate = ParseInteger() != 0 });
    }
}
