using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Turns one SQL statement into its AST, failing with TDengine's error codes and texts.</summary>
/// <remarks>
/// Conventions the engine relies on: <see cref="Statement.Sql"/> is the whole request text lowercased outside
/// quotes (as TDengine's client sends it), and every position (<see cref="InsertValue.Position"/>,
/// <see cref="ValueList.CloseParenPosition"/>, <see cref="NameAt.Position"/>) indexes into it;
/// <see cref="Expr.Text"/> and <see cref="SelectItem.Text"/> are exact slices of it. Unquoted names are lowercase,
/// backquoted ones keep their case; string contents have TDengine's escapes resolved.
/// </remarks>
internal static class SqlParser
{
    /// <summary>
    /// Parses one statement (text after the first <c>;</c> is ignored). Throws <see cref="TaosServerException"/>
    /// with 9728 <c>syntax error near "…"</c> / <c>unrecognized token: "…"</c>, 9729 <c>Incomplete SQL statement</c>,
    /// 9751 <c>Invalid identifier name: …</c>, and for INSERT … VALUES the INSERT scanner's 534 and 512 messages.
    /// </summary>
    public static Statement Parse(string sql)
    {
        // TDengine reads the statement as a C string: nothing after a NUL exists for it.
        int nul = sql.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            sql = sql[..nul];
        }
        return new Parser(Lexer.Lowercase(sql)).ParseStatement();
    }
}
