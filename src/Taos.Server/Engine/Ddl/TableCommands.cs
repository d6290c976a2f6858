using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Write;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>CREATE STABLE, CREATE TABLE (normal, or child tables USING a super table), DROP TABLE and DROP STABLE.</summary>
internal sealed class TableCommands(IStore store, TimeZoneInfo zone)
{
    private static AffectedRowsResult Ok() => new(0);

    public AffectedRowsResult CreateStable(CreateStableStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Name.Database, session);
        var (columns, tags) = Schema.Check(s.Columns, s.Tags, isSuper: true);
        return store.Write(tx =>
        {
            if (store.FindTable(db.Name, s.Name.Name) is { } existing)
            {
                if (s.IfNotExists) return Ok();
                throw existing.Kind == TableKind.Super
                    ? new TaosServerException(ServerErrorCode.StableAlreadyExists, "STable already exists")
                    : new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            var created = tx.CreateTable(new TableInfo(db.Name, s.Name.Name, TableKind.Super, null, columns, tags, null));
            SetOptions(tx, created, s.Options);
            return Ok();
        });
    }

    public AffectedRowsResult CreateNormalTable(CreateNormalTableStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Name.Database, session);
        var (columns, _) = Schema.Check(s.Columns, [], isSuper: false);
        return store.Write(tx =>
        {
            if (store.FindTable(db.Name, s.Name.Name) is not null)
            {
                if (s.IfNotExists) return Ok();
                throw new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            var created = tx.CreateTable(new TableInfo(db.Name, s.Name.Name, TableKind.Normal, null, columns, [], null));
            SetOptions(tx, created, s.Options);
            return Ok();
        });
    }

    /// <summary>The COMMENT and TTL a CREATE gave, kept with the new table.</summary>
    private static void SetOptions(IStoreWriter tx, TableEntry created, TableOptions options)
    {
        if (options != TableOptions.None) tx.SetTableOptions(created, options.Ttl, options.Comment);
    }

    public AffectedRowsResult CreateChildTables(CreateChildTablesStatement s, SqlSession session) => store.Write(tx =>
    {
        var pending = new HashSet<(string, string)>();
        foreach (var clause in s.Tables)
        {
            var db = CatalogResolver.RequireDatabase(store, clause.Name.Database, session);
            var stableDb = CatalogResolver.RequireDatabase(store, clause.Stable.Database ?? clause.Name.Database, session);
            var super = store.FindTable(stableDb.Name, clause.Stable.Name);
            if (super is null || super.Kind != TableKind.Super) throw CatalogResolver.TableNotExist();
            var coercer = new ValueCoercer(s.Sql, zone, db.Precision);
            var tagValues = TagBinder.Bind(coercer, super, clause.TagNames, clause.TagValues, fromInsert: false);
            if (store.FindTable(db.Name, clause.Name.Name) is not null || pending.Contains((db.Name, clause.Name.Name)))
            {
                if (clause.IfNotExists) continue;
                throw new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            tx.CreateTable(new TableInfo(db.Name, clause.Name.Name, TableKind.Child, super.Name, super.Columns, super.Tags, tagValues));
            pending.Add((db.Name, clause.Name.Name));
        }
        return Ok();
    });

    public AffectedRowsResult DropTables(DropTableStatement s, SqlSession session) => store.Write(tx =>
    {
        var entries = new List<TableEntry>();
        foreach (var name in s.Names)
        {
            string dbName = CatalogResolver.ResolveDatabase(store, name.Database, session);
            if (store.FindDatabase(dbName) is null)
            {
                if (s.IfExists) continue;
                throw CatalogResolver.DatabaseNotExist();
            }
            var entry = store.FindEntry(dbName, name.Name);
            if (entry is null)
            {
                if (s.IfExists) continue;
                throw CatalogResolver.TableNotExist();
            }
            if (entry.Info.Kind == TableKind.Super && s.Names.Count > 1)
                throw new TaosServerException(ServerErrorCode.CannotDropStableInBatch, "Cannot drop super table in batch");
            entries.Add(entry);
        }
        foreach (var entry in entries)
        {
            if (store.FindEntry(entry.Info.Database, entry.Info.Name) is { } current) tx.DropTable(current);
        }
        return Ok();
    });

    public AffectedRowsResult DropStable(DropStableStatement s, SqlSession session) => store.Write(tx =>
    {
        string dbName = CatalogResolver.ResolveDatabase(store, s.Name.Database, session);
        if (store.FindDatabase(dbName) is null)
        {
            if (s.IfExists) return Ok();
            throw CatalogResolver.DatabaseNotExist();
        }
        var entry = store.FindEntry(dbName, s.Name.Name);
        if (entry is null || entry.Info.Kind != TableKind.Super)
        {
            if (s.IfExists) return Ok();
            throw new TaosServerException(ServerErrorCode.StableNotExist, "STable not exist");
        }
        tx.DropTable(entry);
        return Ok();
    });
}
