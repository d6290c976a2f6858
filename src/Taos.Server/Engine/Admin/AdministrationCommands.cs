using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// The administration statements (see <see cref="Sql.Ast.KillStatement"/> and its neighbours in AdminStatements.cs),
/// each handed to its handler: <see cref="NodeCommands"/>, <see cref="VgroupCommands"/>,
/// <see cref="MaintenanceCommands"/>, <see cref="KillCommands"/>, <see cref="ConfigCommands"/>,
/// <see cref="TableDistribution"/> and <see cref="AdminShows"/>, all working on the store's <see cref="AdminState"/>.
/// </summary>
internal sealed class AdministrationCommands
{
    private readonly NodeCommands _nodes;
    private readonly VgroupCommands _vgroups;
    private readonly MaintenanceCommands _maintenance;
    private readonly KillCommands _kill;
    private readonly ConfigCommands _config;
    private readonly AdminShows _shows;
    private readonly TableDistribution _distribution;
    private readonly Func<SelectStatement, SqlSession, StatementResult> _query;

    /// <param name="store">The store whose cluster state the statements change.</param>
    /// <param name="delete">Runs a DELETE (TRIM DATABASE deletes through it).</param>
    /// <param name="query">Runs a SELECT (the SHOW forms that are projections of system tables).</param>
    public AdministrationCommands(IStore store, Func<DeleteStatement, SqlSession, AffectedRowsResult> delete,
        Func<SelectStatement, SqlSession, StatementResult> query)
    {
        State = AdminState.For(store);
        _nodes = new NodeCommands(State.Nodes);
        _vgroups = new VgroupCommands(store, State.Nodes);
        _maintenance = new MaintenanceCommands(store, State.Compacts, delete);
        _kill = new KillCommands(State.Connections, State.Compacts);
        _config = new ConfigCommands(State.Config, State.Nodes);
        _shows = new AdminShows(store);
        _distribution = new TableDistribution(store, query);
        _query = query;
    }

    /// <summary>The cluster state the statements change.</summary>
    public AdminState State { get; }

    /// <summary>Whether <paramref name="statement"/> is one of the administration statements.</summary>
    public static bool Handles(Statement statement) => statement switch
    {
        ShowStatement show => show.What == "scores" || AdminShows.IsTableShow(show),
        _ => statement is KillStatement or KillQueryStatement or CompactDatabaseStatement or TrimDatabaseStatement or FlushDatabaseStatement
            or S3MigrateDatabaseStatement or BalanceVgroupStatement or MergeVgroupStatement or RedistributeVgroupStatement
            or SplitVgroupStatement or CreateDnodeStatement or DropDnodeStatement or AlterDnodeStatement or AlterLocalStatement
            or ComponentNodeStatement or ResetQueryCacheStatement or ShowAliveStatement or ShowCompactStatement
            or ShowTableDistributedStatement or AlterClusterStatement,
    };

    /// <summary>Runs <paramref name="statement"/>, one that <see cref="Handles"/> accepts.</summary>
    public StatementResult Execute(Statement statement, SqlSession session) => statement switch
    {
        KillStatement s => _kill.Execute(s),
        KillQueryStatement s => _kill.Execute(s),
        CompactDatabaseStatement s => _maintenance.Compact(s),
        TrimDatabaseStatement s => _maintenance.Trim(s, session),
        FlushDatabaseStatement s => _maintenance.Flush(s),
        S3MigrateDatabaseStatement s => _maintenance.S3Migrate(s),
        BalanceVgroupStatement s => _vgroups.Balance(s),
        MergeVgroupStatement => VgroupCommands.Merge(),
        RedistributeVgroupStatement s => _vgroups.Redistribute(s),
        SplitVgroupStatement s => _vgroups.Split(s),
        CreateDnodeStatement s => _nodes.CreateDnode(s),
        DropDnodeStatement s => _nodes.DropDnode(s),
        ComponentNodeStatement s => _nodes.Execute(s),
        AlterDnodeStatement s => _config.AlterDnode(s),
        AlterLocalStatement s => _config.AlterLocal(s),
        AlterClusterStatement => ConfigCommands.AlterCluster(),
        // The client empties its catalog cache; the embedded server keeps none.
        ResetQueryCacheStatement => new AffectedRowsResult(0),
        ShowAliveStatement s => _shows.Alive(s, session),
        ShowCompactStatement s => _query(AdminShows.Compact(s), session),
        ShowTableDistributedStatement s => _distribution.Show(s, session),
        ShowStatement { What: "scores" } => AdminShows.Scores(),
        ShowStatement s => _query(AdminShows.Table(s), session),
        _ => throw new ArgumentException("not an administration statement", nameof(statement)),
    };
}
