using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Turns one SQL statement into its AST, failing with TDengine's error codes and texts.</summary>
internal static class SqlParser
{
    /// <summary>
    /// Parses one statement (text after the first <c>;</c> is ignored). Throws <see cref="TaosServerException"/>
    /// with 9728 <c>syntax error near "…"</c>, 9729 <c>Incomplete SQL statement</c>, 9751 and the like.
    /// The returned statement's <see cref="Statement.Sql"/> is the text lowercased outside quotes.
    /// </summary>
    public static Statement Parse(string sql) => new Parser(Lexer.Lowercase(sql)).ParseStatement();
}
