using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>The FROM clause: tables, subqueries, joins and their aliases.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> JoinWords = new(StringComparer.Ordinal)
    {
        "inner", "left", "right", "full", "outer", "semi", "anti", "asof", "window",
    };

    /// <summary><c>reference {, reference}</c>; a comma is an inner join without ON.</summary>
    private FromSource ParseFromSource()
    {
        var source = ParseTableReference();
        while (TryTake(TokenKind.Comma))
        {
            source = new JoinSource(source, ParseTableReference(), "inner", null);
        }
        return source;
    }

    /// <summary>A table primary followed by any number of <c>[type] JOIN primary ON cond</c>.</summary>
    private FromSource ParseTableReference()
    {
        var source = ParseTablePrimary();
        while (IsKw("join") || AtJoinWord())
        {
            var words = new List<string>();
            while (!IsKw("join"))
            {
                if (!AtJoinWord())
                {
                    throw Fail(_cur);
                }
                words.Add(_cur.Word!);
                Advance();
            }
            Advance(); // JOIN
            var right = ParseTablePrimary();
            source = ParseJoinTail(source, right, words);
        }
        return source;
    }

    /// <summary>
    /// After <c>… JOIN right</c>: <c>[ON cond] [WINDOW_OFFSET(low, high)] [JLIMIT n]</c>.
    /// </summary>
    private JoinSource ParseJoinTail(FromSource left, FromSource right, List<string> words)
    {
        // ON and WINDOW_OFFSET are optional for every join type [src sql.y join_on_clause_opt, window_offset_clause_opt];
        // the binder asks for what each type needs.
        Expr? on = TryKw("on") ? ParseCondition() : null;
        JoinWindowOffset? offset = null;
        if (TryJoinWord("window_offset"))
        {
            Expect(TokenKind.LParen);
            var low = ParseExpression();
            Expect(TokenKind.Comma);
            var high = ParseExpression();
            Expect(TokenKind.RParen);
            offset = new JoinWindowOffset(low, high);
        }
        long? jlimit = TryJoinWord("jlimit") ? ParseInteger() : null;
        string type = words.Count == 0 ? "inner" : string.Join(" ", words);
        return new JoinSource(left, right, type, on) { WindowOffset = offset, JLimit = jlimit };
    }

    /// <summary>Takes <paramref name="word"/> (WINDOW_OFFSET, JLIMIT: words of joins only, not reserved) when it is at the cursor.</summary>
    private bool TryJoinWord(string word)
    {
        if (!(Is(TokenKind.Id) || Is(TokenKind.Keyword)) || _cur.Word != word) return false;
        Advance();
        return true;
    }

    /// <summary>A word of a join type (<c>left</c>, <c>outer</c>, …) is at the cursor.</summary>
    private bool AtJoinWord() => (Is(TokenKind.Keyword) || Is(TokenKind.Id)) && JoinWords.Contains(_cur.Word!);

    private FromSource ParseTablePrimary()
    {
        if (Is(TokenKind.LParen))
        {
            return new SubquerySource(ParseParenthesizedQuery(), ParseTableAlias());
        }
        var name = ParseTableName();
        return new TableSource(name, ParseTableAlias());
    }

    private string? ParseTableAlias()
    {
        if (TryKw("as"))
        {
            return ParseName(MaxTableNameBytes);
        }
        if (Is(TokenKind.Id) && (JoinWords.Contains(_cur.Word!) || _cur.Word is "window_offset" or "jlimit"))
        {
            return null; // "from a left join b": LEFT starts the join, it is no alias
        }
        return AtIdentifier() ? ParseName(MaxTableNameBytes) : null;
    }
}
