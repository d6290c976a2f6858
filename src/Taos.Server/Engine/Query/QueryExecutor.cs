using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Planning;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;
using Taos.Server.Engine.SystemTables;

namespace Taos.Server.Engine.Query;

/// <summary>
/// Runs SELECT statements (with or without FROM) over the catalog: resolves the source, binds the statement
/// (<see cref="SelectBinder"/>), plans it (<see cref="QueryPlanner"/>) and runs the plan's operators.
/// </summary>
internal sealed class QueryExecutor
{
    private readonly ICatalogReader _catalog;
    private readonly TimeZoneInfo _serverZone;

    public QueryExecutor(ICatalogReader catalog, TimeZoneInfo serverZone)
    {
        _catalog = catalog;
        _serverZone = serverZone;
    }

    /// <summary>
    /// Runs <paramref name="select"/>; <paramref name="session"/> gives the default database (names without a
    /// database use it; when it is null or unknown, TDengine answers 9750 <c>Database not specified</c>), the
    /// user and client host. Errors are <see cref="TaosServerException"/>. Every name and type error is raised
    /// here; the rows of a plain projection are produced lazily while the caller enumerates them.
    /// </summary>
    public RowSetResult Execute(SelectStatement select, SqlSession session) => Prepare(select, session).Plan.Run();

    /// <summary>Binds and plans <paramref name="select"/> as <see cref="Execute(SelectStatement, SqlSession)"/> does, without running it (EXPLAIN).</summary>
    public (BoundSelect Bound, QueryPlan Plan) Prepare(SelectStatement select, SqlSession session)
    {
        var source = new SourceResolver(_catalog, Execute, _serverZone).Resolve(select.From, session, select.Where);
        string? defaultDb = session.Database is { } d && (_catalog.FindDatabase(d) is not null || SystemSchemas.IsSystemDatabase(d)) ? d : null;
        var effectiveSession = new SqlSession { Database = defaultDb, User = session.User, ClientHost = session.ClientHost };
        var compiler = new ExpressionCompiler(source.Layout, source.Precision, _serverZone, effectiveSession, Clock.Now(source.Precision));
        var bound = new SelectBinder(select, source, compiler, _serverZone).Bind();
        return (bound, new QueryPlanner(_serverZone).Plan(bound));
    }

    /// <summary>Runs <c>q1 UNION [ALL] q2 …</c>: each block as a query of its own, combined by <see cref="UnionPlanner"/>.</summary>
    public RowSetResult Execute(UnionStatement union, SqlSession session) =>
        new UnionPlanner(_serverZone).Plan(union, block => Execute(block, session)).Run();
}
