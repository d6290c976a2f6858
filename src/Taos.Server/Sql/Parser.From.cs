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
            ExpectKw("on");
            var on = ParseCondition();
            source = new JoinSource(source, right, words.Count == 0 ? "inner" : string.Join(" ", words), on);
        }
        return source;
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
        if (Is(TokenKind.Id) && JoinWords.Contains(_cur.Word!))
        {
            return null; // "from a left join b": LEFT starts the join, it is no alias
        }
        return AtIdentifier() ? ParseName(MaxTableNameBytes) : null;
    }
}
