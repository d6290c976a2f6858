using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// EXPLAIN [src sql.y <c>cmd ::= EXPLAIN analyze_opt explain_options query_or_subquery</c> and
/// <c>… insert_query</c>; <c>explain_options ::= | explain_options VERBOSE NK_BOOL | explain_options RATIO NK_FLOAT</c>]:
/// any other statement after the options is a syntax error where it starts.
/// </summary>
internal sealed partial class Parser
{
    private ExplainStatement ParseExplain()
    {
        Advance(); // EXPLAIN
        bool analyze = TryKw("analyze");
        bool verbose = false;
        while (true)
        {
            if (TryKw("verbose"))
            {
                verbose = Expect(TokenKind.Bool).Word == "true";
            }
            else if (TryKw("ratio"))
            {
                Expect(TokenKind.Float);
            }
            else
            {
                break;
            }
        }
        Statement query;
        if (TryKw("insert"))
        {
            query = ParseInsertFromQuery();
        }
        else
        {
            query = ParseQueryStatement();
        }
        return new ExplainStatement(analyze, verbose, query);
    }
}
