using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Udf;

/// <summary>
/// Queries that call a stored user-defined function. TDengine runs UDFs in its udfd process, which loads the C
/// library or Python script; the embedded server has no udfd and cannot load native or Python code, so such a query
/// answers what a TDengine whose udfd is not running answers: 10499 <c>udf pipe connect error</c>. The check reads the
/// statement's tokens (a stored function's name followed by <c>(</c>) and costs nothing while no function is stored.
/// </summary>
internal sealed class UdfCallGuard(IStore store)
{
    /// <summary>Throws 10499 when <paramref name="statement"/> is a query that calls a stored UDF.</summary>
    public void RejectCalls(Statement statement)
    {
        if (statement is not (SelectStatement or UnionStatement or InsertSelectStatement))
        {
            return;
        }
        var functions = store.Functions();
        if (functions.Count == 0)
        {
            return;
        }
        var names = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var lexer = new Lexer(statement.Sql);
        var previous = lexer.Next();
        while (previous.Kind != TokenKind.End)
        {
            var token = lexer.Next();
            if (token.Kind == TokenKind.LParen && previous.Kind is TokenKind.Id or TokenKind.QuotedId && names.Contains(previous.Word!))
            {
                throw UdfErrors.PipeConnect();
            }
            previous = token;
        }
    }
}
