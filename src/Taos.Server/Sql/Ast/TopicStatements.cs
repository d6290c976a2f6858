namespace Taos.Server.Sql.Ast;

/// <summary>CREATE TOPIC's <c>WITH META</c> / <c>ONLY META</c>, or neither.</summary>
internal enum TopicMeta { None, WithMeta, OnlyMeta }

/// <summary>
/// <c>CREATE TOPIC [IF NOT EXISTS] t AS query</c> (<see cref="Query"/>), <c>… AS DATABASE db</c> (<see cref="Database"/>)
/// or <c>… AS STABLE s [WHERE cond]</c> (<see cref="Stable"/>, <see cref="Where"/>); WITH META / ONLY META in <see cref="Meta"/>.
/// </summary>
internal sealed record CreateTopicStatement(
    string Name,
    bool IfNotExists,
    SelectStatement? Query,
    string? Database,
    TableName? Stable,
    Expr? Where,
    TopicMeta Meta) : Statement;

/// <summary><c>DROP TOPIC [IF EXISTS] t</c>.</summary>
internal sealed record DropTopicStatement(string Name, bool IfExists) : Statement;

/// <summary><c>DROP CONSUMER GROUP [IF EXISTS] g ON t</c>.</summary>
internal sealed record DropConsumerGroupStatement(string Group, string Topic, bool IfExists) : Statement;
