using System.Text;

namespace Taos.Server.Sql;

/// <summary>TDengine's parser error texts, cut the way its fixed-size message buffers cut them.</summary>
internal static class SqlErrors
{
    /// <summary>TDengine formats parser messages into a 512-byte buffer: at most 511 bytes survive.</summary>
    private const int MessageBufferBytes = 511;

    /// <summary>INSERT errors quote at most 63 bytes of the statement (parUtil.c <c>buildSyntaxErrMsg</c>).</summary>
    private const int InsertQuoteBytes = 63;

    /// <summary>TSDB_CODE_TSC_INVALID_OPERATION: the code of the INSERT parser's "invalid operation" messages.</summary>
    private const int InvalidOperation = 512;

    public static TaosServerException SyntaxNear(string sql, int position) =>
        new(ServerErrorCode.SyntaxError, Cut("syntax error near \"" + Rest(sql, position) + "\"", MessageBufferBytes));

    public static TaosServerException Unrecognized(string sql, int position) =>
        new(ServerErrorCode.SyntaxError, Cut("unrecognized token: \"" + Rest(sql, position) + "\"", MessageBufferBytes));

    public static TaosServerException Incomplete() => new(ServerErrorCode.IncompleteSql, "Incomplete SQL statement");

    public static TaosServerException InvalidIdentifier(string sql, int position) =>
        new(ServerErrorCode.InvalidIdentifierName, Cut("Invalid identifier name: " + Rest(sql, position), MessageBufferBytes));

    /// <summary>The INSERT parser's <c>syntax error near '&lt;63 bytes&gt;' (&lt;reason&gt;)</c> (code 534).</summary>
    public static TaosServerException InsertSyntax(string sql, int position, string reason) =>
        new(ServerErrorCode.InvalidValue,
            Cut("syntax error near '" + Cut(Rest(sql, position), InsertQuoteBytes) + "' (" + reason + ")", MessageBufferBytes));

    /// <summary>The INSERT parser's message when it has no source text to quote: <c>syntax error near '&lt;info&gt;'</c>.</summary>
    public static TaosServerException InsertSyntaxNoSource(string info) =>
        new(ServerErrorCode.InvalidValue, "syntax error near '" + info + "'");

    public static TaosServerException InsertInvalidOperation(string message) => new(InvalidOperation, message);

    /// <summary>The statement from <paramref name="position"/> on, never longer than any buffer could keep.</summary>
    private static string Rest(string sql, int position)
    {
        if (position >= sql.Length)
        {
            return "";
        }
        return sql.Substring(position, Math.Min(sql.Length - position, MessageBufferBytes + 1));
    }

    /// <summary>
    /// Keeps the first <paramref name="maxBytes"/> UTF-8 bytes. A character cut in half leaves invalid bytes in
    /// TDengine's C string, which taosAdapter's JSON encoder turns into one U+FFFD each.
    /// </summary>
    private static string Cut(string text, int maxBytes)
    {
        int length = Utf8Text.FittingLength(text, maxBytes, out int bytes);
        if (length == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text, 0, length, length + 4);
        sb.Append('\uFFFD', maxBytes - bytes);
        return sb.ToString();
    }
}
