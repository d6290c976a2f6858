namespace Taos.Server.Sql.Ast;

/// <summary><c>DELETE FROM [db.]t [WHERE cond]</c>.</summary>
internal sealed record DeleteStatement(TableName Table, Expr? Where) : Statement;
