namespace Taos.Server.Engine.Topics;

/// <summary>What a topic subscribes to: the rows of one query, every table of a super table, or a whole database.</summary>
internal enum TopicKind
{
    /// <summary><c>AS SELECT …</c>: the query's columns of the rows it passes (ins_topics type <c>column</c>).</summary>
    Column,
    /// <summary><c>AS STABLE s [WHERE …]</c>: the child tables of a super table (type <c>stable</c>).</summary>
    Stable,
    /// <summary><c>AS DATABASE db</c>: every table of the database (type <c>db</c>).</summary>
    Database,
}

/// <summary>
/// One stored topic. <see cref="Sql"/> is the CREATE TOPIC text as TDengine keeps it (lowercased outside quotes);
/// <see cref="Source"/> the table a column topic reads or the super table of a stable topic (null for a database
/// topic); <see cref="WithMeta"/> whether the topic also delivers table metadata (WITH META / ONLY META).
/// </summary>
internal sealed record TopicInfo(
    string Name,
    string Database,
    string Sql,
    TopicKind Kind,
    string? Source,
    bool WithMeta,
    long CreateTime)
{
    /// <summary>ins_topics' <c>type</c>: <c>column</c>, <c>stable</c> or <c>db</c>.</summary>
    public string TypeText => Kind switch { TopicKind.Column => "column", TopicKind.Stable => "stable", _ => "db" };
}
