namespace Taos.Server.Sql;

internal enum TokenKind
{
    /// <summary>End of the text, or a <c>;</c> (then <see cref="Token.Length"/> is 1).</summary>
    End,
    /// <summary>An unquoted word that is not a keyword.</summary>
    Id,
    /// <summary>A backquoted identifier: kept as written, never a keyword.</summary>
    QuotedId,
    /// <summary>A word with non-ASCII characters: TDengine accepts it only as a column alias.</summary>
    Alias,
    Keyword,
    String,
    Integer,
    Float,
    Duration,
    Hex,
    Bin,
    Bool,
    IpAddress,
    LParen, RParen, Comma, Dot, Colon, Question,
    Plus, Minus, Star, Slash, Percent, BitAnd, BitOr, BitNot, Concat, LShift, RShift,
    Eq, Ne, Lt, Le, Gt, Ge, Arrow,
    /// <summary><c>/*+ … */</c>, meaningful only right after SELECT.</summary>
    Hint,
    /// <summary>A character (or unterminated quote) the tokenizer cannot read.</summary>
    Illegal,
}

/// <summary>
/// One token of the lowercased statement. <see cref="Word"/> holds the text of words (ids, keywords, aliases,
/// booleans; a backquoted id without its quotes) so the parser need not slice the statement again.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string? Word = null)
{
    public int End => Start + Length;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Keyword && Word == keyword;
}
