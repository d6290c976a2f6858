using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Query;

/// <summary>Runs SELECT statements (with or without FROM) over the catalog.</summary>
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
    /// user and client host. Errors are <see cref="TaosServerException"/>.
    /// </summary>
    public RowSetResult Execute(SelectStatement select, SqlSession session) =>
        throw new TaosServerException(TaosErrorCode.AdapterError, "SELECT not built yet: " + select.Sql + " " + _catalog + _serverZone + session.Database);
}
