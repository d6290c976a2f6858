namespace Taos.Server.Engine.Text;

/// <summary>
/// A SQL LIKE pattern matched as TDengine's <c>patternMatch</c> does: <c>%</c> matches any run of characters,
/// <c>_</c> exactly one, <c>\%</c> and <c>\_</c> the sign itself, and a backslash before anything else is a plain
/// backslash; letters compare without regard to ASCII case. Used by <c>WHERE … LIKE</c> and <c>SHOW … LIKE</c>.
/// </summary>
internal sealed class LikePattern
{
    /// <summary>A character to match as is, <c>_</c>, or <c>%</c>.</summary>
    private enum TokenKind { Literal, One, Any }

    private readonly (TokenKind Kind, int Rune)[] _tokens;

    public LikePattern(string pattern)
    {
        var tokens = new List<(TokenKind, int)>();
        var runes = pattern.EnumerateRunes().Select(r => r.Value).ToArray();
        for (int i = 0; i < runes.Length; i++)
        {
            int r = runes[i];
            if (r == '\\' && i + 1 < runes.Length && runes[i + 1] is '%' or '_')
            {
                tokens.Add((TokenKind.Literal, runes[++i]));
            }
            else if (r == '%')
            {
                tokens.Add((TokenKind.Any, 0));
            }
            else
            {
                tokens.Add(r == '_' ? (TokenKind.One, 0) : (TokenKind.Literal, r));
            }
        }
        _tokens = tokens.ToArray();
    }

    /// <summary>Whether all of <paramref name="text"/> matches the pattern.</summary>
    public bool IsMatch(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.Value).ToArray();
        int t = 0, s = 0;
        int starToken = -1, starText = 0;
        while (s < runes.Length)
        {
            if (t < _tokens.Length && _tokens[t].Kind != TokenKind.Any && Matches(_tokens[t], runes[s]))
            {
                t++;
                s++;
            }
            else if (t < _tokens.Length && _tokens[t].Kind == TokenKind.Any)
            {
                starToken = t++;
                starText = s;
            }
            else if (starToken >= 0)
            {
                t = starToken + 1;
                s = ++starText;
            }
            else
            {
                return false;
            }
        }
        while (t < _tokens.Length && _tokens[t].Kind == TokenKind.Any) t++;
        return t == _tokens.Length;
    }

    private static bool Matches((TokenKind Kind, int Rune) token, int rune) =>
        token.Kind == TokenKind.One || token.Rune == rune || (IsAsciiLetter(token.Rune) && (token.Rune | 0x20) == (rune | 0x20) && IsAsciiLetter(rune));

    private static bool IsAsciiLetter(int r) => r is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
