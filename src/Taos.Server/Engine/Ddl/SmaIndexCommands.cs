using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Functions;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// CREATE SMA INDEX, checked in TDengine 3.3.0.1's order: the translator (the database 904, the table 9731, the
/// functions 884 and their columns 9730 as the index's sample query would bind them), then the mnode (a super table
/// 866, the name among the database's SMA and tag indexes 1152/1155). The index is a catalog entry listed by
/// information_schema.ins_indexes (index_type <c>sma_index</c>, before the tag indexes, as mndRetrieveIdx lists them)
/// and dropped by DROP INDEX; TDengine feeds it from a stream and uses it to answer window queries faster, the
/// embedded server answers the same queries from the rows themselves.
/// </summary>
internal sealed class SmaIndexCommands(IStore store)
{
    /// <summary>0x0480 TSDB_CODE_MND_SMA_ALREADY_EXIST.</summary>
    private const int SmaAlreadyExistsCode = 1152;

    /// <summary>0x0483 TSDB_CODE_MND_TAG_INDEX_ALREADY_EXIST.</summary>
    private const int TagIndexAlreadyExistsCode = 1155;

    public AffectedRowsResult Create(CreateSmaIndexStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Table.Database, session);
        var table = store.FindTable(db.Name, s.Table.Name) ?? throw CatalogResolver.TableNotExist();
        foreach (var function in s.Functions)
        {
            CheckFunction(function, table);
        }
        if (table.Kind != TableKind.Super)
        {
            throw new TaosServerException(ServerErrorCode.StableNotExist, "STable not exist");
        }
        if (store.Indexes(db.Name).Any(i => i.Name == s.Name))
        {
            throw new TaosServerException(TagIndexAlreadyExistsCode, "index already exists in db");
        }
        if (Find(db.Name, s.Name) is not null || store.Tsmas().Any(t => t.Database == db.Name && t.Name == s.Name))
        {
            return s.IfNotExists ? new AffectedRowsResult(0) : throw AlreadyExists();
        }
        var index = new SmaIndexInfo(db.Name, s.Name, table.Name, Vgroups.Of(store, db, table.Name), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), s.Sql);
        store.Write(w =>
        {
            w.CreateSmaIndex(index);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>DROP INDEX: an SMA index of that name goes (the mnode tries SMA indexes first), else <paramref name="dropTagIndex"/> runs.</summary>
    public AffectedRowsResult Drop(DropIndexStatement s, SqlSession session, Func<AffectedRowsResult> dropTagIndex)
    {
        string? database = s.Name.Database ?? session.Database;
        if (database is null || Find(database, s.Name.Name) is null)
        {
            return dropTagIndex();
        }
        store.Write(w =>
        {
            w.DropSmaIndex(database, s.Name.Name);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>CREATE INDEX of a tag index named like an SMA index of its database: 1152, as mndAcquireGlobalIdx answers.</summary>
    public AffectedRowsResult GuardTagIndex(CreateIndexStatement s, SqlSession session, Func<AffectedRowsResult> create)
    {
        string? database = s.Name.Database ?? s.Table.Database ?? session.Database;
        return database is not null && Find(database, s.Name.Name) is not null ? throw AlreadyExists() : create();
    }

    /// <summary>
    /// SHOW INDEXES FROM t [FROM db]: the rows of ins_indexes of that table (TDengine's sysTableShowAdapter), SMA
    /// indexes and TSMAs first; without a database 9750.
    /// </summary>
    public RowSetResult ShowIndexes(ShowIndexesStatement s, SqlSession session)
    {
        string database = CatalogResolver.ResolveDatabase(store, s.Table.Database, session);
        var (columns, rows) = SystemSchemas.Open(SystemSchemas.InformationSchema, "ins_indexes", store)!.Value;
        return new RowSetResult(columns, rows.Where(r => (string?)r[1] == database && (string?)r[2] == s.Table.Name).ToList(), TaosPrecision.Milliseconds);
    }

    private SmaIndexInfo? Find(string database, string name) =>
        store.SmaIndexes().FirstOrDefault(i => i.Database == database && i.Name == name);

    /// <summary>A function of the index must be one TDengine knows, over columns of the table.</summary>
    private static void CheckFunction(FunctionExpr function, TableInfo table)
    {
        if (FunctionCatalog.Find(function.Name) is null)
        {
            throw new TaosServerException(ServerErrorCode.FunctionNotExists, "Func not exists");
        }
        foreach (var column in function.Args.OfType<ColumnExpr>())
        {
            if (!table.Columns.Any(c => c.Name == column.Name) && !table.Tags.Any(t => t.Name == column.Name))
            {
                throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + column.Name);
            }
        }
    }

    private static TaosServerException AlreadyExists() => new(SmaAlreadyExistsCode, "SMA already exists");
}
