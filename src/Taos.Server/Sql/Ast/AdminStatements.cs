namespace Taos.Server.Sql.Ast;

/// <summary>What a <see cref="KillStatement"/> ends: <c>KILL CONNECTION n</c>, <c>KILL TRANSACTION n</c> or <c>KILL COMPACT n</c>.</summary>
internal enum KillTarget { Connection, Transaction, Compact }

/// <summary><c>KILL CONNECTION | TRANSACTION | COMPACT n</c>.</summary>
internal sealed record KillStatement(KillTarget Target, long Id) : Statement;

/// <summary><c>KILL QUERY 'kill_id'</c>: the kill id is <c>conn_id:query_id</c> as perf_queries shows it.</summary>
internal sealed record KillQueryStatement(string KillId) : Statement;

/// <summary><c>COMPACT DATABASE db [START WITH t] [END WITH t]</c>; the bounds as written (numbers or timestamp strings).</summary>
internal sealed record CompactDatabaseStatement(string Database, string? Start, string? End) : Statement;

/// <summary><c>TRIM DATABASE db [BWLIMIT n]</c>.</summary>
internal sealed record TrimDatabaseStatement(string Database, long BandwidthLimit) : Statement;

/// <summary><c>S3MIGRATE DATABASE db</c>.</summary>
internal sealed record S3MigrateDatabaseStatement(string Database) : Statement;

/// <summary><c>FLUSH DATABASE db</c>.</summary>
internal sealed record FlushDatabaseStatement(string Database) : Statement;

/// <summary><c>BALANCE VGROUP</c>, or with <see cref="Leader"/> <c>BALANCE VGROUP LEADER [ON vgroup]</c>.</summary>
internal sealed record BalanceVgroupStatement(bool Leader, long? Vgroup) : Statement;

/// <summary><c>MERGE VGROUP a b</c>.</summary>
internal sealed record MergeVgroupStatement(long First, long Second) : Statement;

/// <summary><c>REDISTRIBUTE VGROUP v DNODE a [DNODE b [DNODE c]]</c>.</summary>
internal sealed record RedistributeVgroupStatement(long Vgroup, IReadOnlyList<long> Dnodes) : Statement;

/// <summary><c>SPLIT VGROUP v</c>.</summary>
internal sealed record SplitVgroupStatement(long Vgroup) : Statement;

/// <summary>
/// <c>CREATE DNODE 'fqdn[:port]'</c> or <c>CREATE DNODE fqdn PORT n</c>: the endpoint as written and the PORT clause's
/// number (checked when the statement runs, as TDengine's AST builder does).
/// </summary>
internal sealed record CreateDnodeStatement(string Endpoint, long? Port) : Statement;

/// <summary><c>DROP DNODE id | 'endpoint' [FORCE | UNSAFE]</c>: by <see cref="Id"/> or by <see cref="Endpoint"/>.</summary>
internal sealed record DropDnodeStatement(long? Id, string? Endpoint, bool Force, bool Unsafe) : Statement;

/// <summary>
/// <c>ALTER DNODE n 'key' ['value']</c>, or with <see cref="Dnode"/> null <c>ALTER ALL DNODES 'key' ['value']</c>;
/// <see cref="Config"/> may hold the key and value separated by a space, as TDengine allows.
/// </summary>
internal sealed record AlterDnodeStatement(long? Dnode, string Config, string? Value) : Statement;

/// <summary><c>ALTER LOCAL 'key' ['value']</c>.</summary>
internal sealed record AlterLocalStatement(string Config, string? Value) : Statement;

/// <summary>What a <see cref="ComponentNodeStatement"/> does.</summary>
internal enum NodeAction { Create, Drop, Restore }

/// <summary>The node kinds of <c>CREATE | DROP | RESTORE … ON DNODE n</c> (and <c>RESTORE DNODE n</c>).</summary>
internal enum NodeKind { Dnode, Qnode, Mnode, Snode, Bnode, Vnode }

/// <summary>
/// <c>CREATE | DROP QNODE | MNODE | SNODE | BNODE ON DNODE n</c>, <c>RESTORE QNODE | MNODE | VNODE ON DNODE n</c> and
/// <c>RESTORE DNODE n</c>.
/// </summary>
internal sealed record ComponentNodeStatement(NodeAction Action, NodeKind Kind, long Dnode) : Statement;

/// <summary><c>RESET QUERY CACHE</c>.</summary>
internal sealed record ResetQueryCacheStatement : Statement;

/// <summary><c>SHOW CLUSTER ALIVE</c>, or with <see cref="Cluster"/> false <c>SHOW [db.]ALIVE</c>.</summary>
internal sealed record ShowAliveStatement(bool Cluster, string? Database) : Statement;

/// <summary><c>SHOW COMPACT n</c>: the progress of compaction <see cref="CompactId"/> per vgroup.</summary>
internal sealed record ShowCompactStatement(long CompactId) : Statement;
