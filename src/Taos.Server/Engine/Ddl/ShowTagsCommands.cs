using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// SHOW TAGS FROM t (the table's rows of information_schema.ins_tags) and SHOW TABLE TAGS [tag, …] FROM s (one row
/// per child table: <c>tbname</c> and the tag values, typed as declared).
/// </summary>
internal sealed class ShowTagsCommands(ICatalogReader catalog)
{
    public RowSetResult Tags(ShowTagsStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, s.Table.Database, session);
        var table = catalog.FindTable(db.Name, s.Table.Name) ?? throw CatalogResolver.TableNotExist();
        var (columns, rows) = SystemSchemas.Open(SystemSchemas.InformationSchema, "ins_tags", catalog)!.Value;
        return new RowSetResult(columns, rows.Where(r => (string?)r[0] == table.Name && (string?)r[1] == db.Name).ToList(), db.Precision);
    }

    public RowSetResult TableTags(ShowTableTagsStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, s.Stable.Database, session);
        var stable = catalog.FindTable(db.Name, s.Stable.Name) ?? throw CatalogResolver.TableNotExist();
        var picks = new List<(ResultColumn Column, int Tag)>();
        if (s.Tags.Count == 0)
        {
            picks.Add((TbnameColumn, -1));
            picks.AddRange(stable.Tags.Select((t, i) => (new ResultColumn(t.Name, t.Type, t.Length), i)));
        }
        foreach (var e in s.Tags)
        {
            picks.Add(Pick(e, stable));
        }
        var rows = catalog.ChildTables(db.Name, stable.Name)
            .Select(child => picks.Select(p => p.Tag < 0 ? child.Name : child.TagValues?[p.Tag]).ToArray())
            .ToList();
        return new RowSetResult(picks.Select(p => p.Column).ToList(), rows, db.Precision);
    }

    private static ResultColumn TbnameColumn { get; } = new("tbname", TaosDataType.VarChar, 270);

    /// <summary>One listed tag (or <c>tbname</c>); anything else is not a tag of the super table (9731 as TDengine words it).</summary>
    private static (ResultColumn Column, int Tag) Pick(Expr e, TableInfo stable)
    {
        if (e is ColumnExpr { Name: "tbname" })
        {
            return (TbnameColumn, -1);
        }
        int index = e is ColumnExpr c ? stable.Tags.ToList().FindIndex(t => t.Name == c.Name) : -1;
        if (index < 0)
        {
            throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + e.Text);
        }
        var tag = stable.Tags[index];
        return (new ResultColumn(tag.Name, tag.Type, tag.Length), index);
    }
}
