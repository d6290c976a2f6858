using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// Tag indexes: CREATE INDEX and DROP INDEX, and the index TDengine gives every new super table on its first tag
/// (named <c>&lt;tag&gt;_&lt;stable&gt;</c>). They are catalog entries only (information_schema.ins_indexes): a
/// tag filter reads the tags of every child either way.
/// </summary>
internal sealed class IndexCommands(IStore store)
{
    /// <summary>0x0481 TSDB_CODE_MND_SMA_NOT_EXIST: DROP INDEX of an unknown name (rest-breadth cat#30).</summary>
    private const int SmaNotExistCode = 1153;

    /// <summary>0x0483 TSDB_CODE_MND_TAG_INDEX_ALREADY_EXIST.</summary>
    private const int IndexAlreadyExistsCode = 1155;

    /// <summary>0x03A8 TSDB_CODE_MND_TAG_NOT_EXIST.</summary>
    private const int TagNotExistCode = 936;

    public AffectedRowsResult Create(CreateIndexStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Table.Database ?? s.Name.Database, session);
        var table = store.FindTable(db.Name, s.Table.Name)
            ?? throw new TaosServerException(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: Table does not exist");
        if (table.Kind != TableKind.Super)
        {
            throw new TaosServerException(ServerErrorCode.StableNotExist, "Stable not exist");
        }
        var indexes = store.Indexes(db.Name);
        if (indexes.Any(i => i.Name == s.Name.Name))
        {
            return s.IfNotExists ? new AffectedRowsResult(0) : throw AlreadyExists();
        }
        if (s.Columns.Count != 1 || !table.Tags.Any(t => t.Name == s.Columns[0]))
        {
            throw new TaosServerException(TagNotExistCode, "Tag does not exist");
        }
        if (indexes.Any(i => i.Stable == table.Name && i.Tag == s.Columns[0]))
        {
            throw AlreadyExists();
        }
        Save(new TagIndexInfo(db.Name, s.Name.Name, table.Name, s.Columns[0], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return new AffectedRowsResult(0);
    }

    public AffectedRowsResult Drop(DropIndexStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Name.Database, session);
        if (!store.Indexes(db.Name).Any(i => i.Name == s.Name.Name))
        {
            return s.IfExists ? new AffectedRowsResult(0) : throw new TaosServerException(SmaNotExistCode, "sma not exist");
        }
        store.Write(w =>
        {
            w.DropIndex(db.Name, s.Name.Name);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>Runs CREATE STABLE through <paramref name="create"/>; a super table that is new gets its first tag's index.</summary>
    public StatementResult CreateStable(CreateStableStatement s, SqlSession session, Func<StatementResult> create)
    {
        string? dbName = s.Name.Database ?? session.Database;
        bool existed = dbName is not null && store.FindTable(dbName, s.Name.Name) is not null;
        var result = create();
        if (!existed && dbName is not null && store.FindTable(dbName, s.Name.Name) is { Kind: TableKind.Super } stable && stable.Tags.Count > 0)
        {
            string tag = stable.Tags[0].Name;
            Save(new TagIndexInfo(dbName, tag + "_" + stable.Name, stable.Name, tag, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        return result;
    }

    private void Save(TagIndexInfo index) => store.Write(w =>
    {
        w.CreateIndex(index);
        return 0;
    });

    private static TaosServerException AlreadyExists() => new(IndexAlreadyExistsCode, "index already exists in db");
}
