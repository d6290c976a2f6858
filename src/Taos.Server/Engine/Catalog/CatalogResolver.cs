namespace Taos.Server.Engine.Catalog;

/// <summary>How statements find the database a name refers to, and TDengine's errors for what is not there.</summary>
internal static class CatalogResolver
{
    /// <summary>904 Database not exist.</summary>
    public static TaosServerException DatabaseNotExist() => new(ServerErrorCode.DatabaseNotExist, "Database not exist");

    /// <summary>9731 Table does not exist.</summary>
    public static TaosServerException TableNotExist() => new(ServerErrorCode.TableNotExist, "Table does not exist");

    /// <summary>The database a name refers to: its own, else the session's existing default; 9750 when neither.</summary>
    public static string ResolveDatabase(ICatalogReader catalog, string? explicitDb, SqlSession session)
    {
        if (explicitDb is not null) return explicitDb;
        if (session.Database is { } db && catalog.FindDatabase(db) is not null) return db;
        throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
    }

    /// <summary>The database a name refers to (see <see cref="ResolveDatabase"/>), which must exist: else 904.</summary>
    public static DatabaseInfo RequireDatabase(ICatalogReader catalog, string? explicitDb, SqlSession session) =>
        catalog.FindDatabase(ResolveDatabase(catalog, explicitDb, session)) ?? throw DatabaseNotExist();
}
