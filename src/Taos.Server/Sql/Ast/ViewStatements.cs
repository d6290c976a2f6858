namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>CREATE [OR REPLACE] VIEW [db.]name AS query</c>. <see cref="QueryText"/> is the query as written after AS (what
/// SHOW CREATE VIEW and ins_views show, and what is parsed again each time the view is read).
/// </summary>
internal sealed record CreateViewStatement(TableName Name, bool OrReplace, Statement Query, string QueryText) : Statement;

/// <summary><c>DROP VIEW [IF EXISTS] [db.]name</c>.</summary>
internal sealed record DropViewStatement(TableName Name, bool IfExists) : Statement;

/// <summary><c>SHOW [db.]VIEWS [LIKE 'p']</c>.</summary>
internal sealed record ShowViewsStatement(string? Database, string? LikePattern) : Statement;

/// <summary><c>SHOW CREATE VIEW [db.]name</c>.</summary>
internal sealed record ShowCreateViewStatement(TableName Name) : Statement;
