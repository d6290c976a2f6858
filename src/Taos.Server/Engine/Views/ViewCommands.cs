using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Text;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Views;

/// <summary>
/// CREATE [OR REPLACE] VIEW, DROP VIEW, SHOW VIEWS, SHOW CREATE VIEW and DESCRIBE of a view, as TDengine 3.3 answers them
/// [src parTranslater.c translateCreateView/translateDropView, command.c execShowCreateView, mndView.c].
/// </summary>
internal sealed class ViewCommands(IStore store, TimeZoneInfo zone)
{
    private static AffectedRowsResult Ok() => new(0);

    /// <summary>
    /// Checks the query as it will be read (with the view's database as the default one), then stores the view:
    /// 904 when the database does not exist, 0x04A0 when the view does (without OR REPLACE), 0x266C when the query
    /// reads the view itself. A table of the same name is allowed: it wins where a name could be either.
    /// </summary>
    public AffectedRowsResult Create(CreateViewStatement s, SqlSession session)
    {
        string db = DatabaseOf(s.Name, session);
        var result = new ViewExpander(store, zone).Run(s.Query, db, session);
        if (store.FindDatabase(db) is null) throw CatalogResolver.DatabaseNotExist();
        new ViewCycleCheck(store, db, s.Name.Name).Check(s.Query, db);
        var columns = result.Columns.Select(c => new ViewColumn(c.Name, c.Type, c.Length)).ToList();
        var view = new ViewInfo(db, s.Name.Name, session.User, s.QueryText, columns, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return store.Write(tx =>
        {
            if (ViewExpander.Find(store, db, s.Name.Name) is not null && !s.OrReplace) throw ViewErrors.AlreadyExists();
            tx.SaveView(view);
            return Ok();
        });
    }

    /// <summary>Removes the view; 0x04A1 when there is none (unless IF EXISTS).</summary>
    public AffectedRowsResult Drop(DropViewStatement s, SqlSession session)
    {
        string db = DatabaseOf(s.Name, session);
        return store.Write(tx =>
        {
            if (ViewExpander.Find(store, db, s.Name.Name) is null)
            {
                if (s.IfExists) return Ok();
                throw ViewErrors.NotExist();
            }
            tx.DropView(db, s.Name.Name);
            return Ok();
        });
    }

    /// <summary>
    /// SHOW CREATE VIEW: <c>View</c> (<c>`db`.`name`</c>) and <c>Create View</c> (<c>CREATE VIEW `db`.`name` AS query</c>),
    /// VARCHAR 275 and 1048576 (SHOW_CREATE_VIEW_RESULT_FIELD1_LEN/FIELD2_LEN less the length prefix); 0x04A1 when
    /// there is no such view.
    /// </summary>
    public RowSetResult ShowCreate(ShowCreateViewStatement s, SqlSession session)
    {
        string db = DatabaseOf(s.Name, session);
        var view = ViewExpander.Find(store, db, s.Name.Name) ?? throw ViewErrors.NotExist();
        string full = $"`{view.Database}`.`{view.Name}`";
        return new RowSetResult(
            [new ResultColumn("View", TaosDataType.VarChar, 275), new ResultColumn("Create View", TaosDataType.VarChar, 1048576)],
            [[full, $"CREATE VIEW {full} AS {view.QuerySql}"]], TaosPrecision.Milliseconds);
    }

    /// <summary>
    /// SHOW [db.]VIEWS [LIKE p]: the <c>view_name</c> column of ins_views for the named (or current) database
    /// [src parTranslater.c sysTableShowAdapter]; 9750 without a database, 904 for one that does not exist.
    /// </summary>
    public RowSetResult ShowViews(ShowViewsStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Database, session);
        var like = s.LikePattern is null ? null : new LikePattern(s.LikePattern);
        var rows = store.Views().Where(v => v.Database == db.Name && (like is null || like.IsMatch(v.Name)))
            .Select(v => new object?[] { v.Name }).ToList();
        return new RowSetResult([new ResultColumn("view_name", TaosDataType.VarChar, 192)], rows, TaosPrecision.Milliseconds);
    }

    /// <summary>Whether DESCRIBE names a view: no table of that name, and a view.</summary>
    public bool IsView(DescribeStatement s, SqlSession session)
    {
        string? db = s.Name.Database ?? session.Database;
        return db is not null && store.FindTable(db, s.Name.Name) is null && ViewExpander.Find(store, db, s.Name.Name) is not null;
    }

    /// <summary>DESCRIBE of a view: its result columns as field, type, length and an empty note (no encode/compress columns).</summary>
    public RowSetResult Describe(DescribeStatement s, SqlSession session)
    {
        string db = s.Name.Database ?? session.Database!;
        var view = ViewExpander.Find(store, db, s.Name.Name) ?? throw CatalogResolver.TableNotExist();
        var precision = store.FindDatabase(db)?.Precision ?? TaosPrecision.Milliseconds;
        return new RowSetResult(
            [new("field", TaosDataType.VarChar, 64), new("type", TaosDataType.VarChar, 20), new("length", TaosDataType.Int, 4), new("note", TaosDataType.VarChar, 16)],
            view.Columns.Select(c => new object?[] { c.Name, TaosTypes.Name(c.Type), c.Length, "" }).ToList(), precision);
    }

    /// <summary>The view's database: named, else the session's; 9750 Database not specified when neither.</summary>
    private static string DatabaseOf(TableName name, SqlSession session) =>
        name.Database ?? session.Database ?? throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
}
