using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// The table a prepared INSERT writes once its name is known: the existing table, or the child table its USING
/// clause creates. <see cref="Columns"/> and <see cref="Tags"/> are the schema indexes the placeholders bind, in
/// placeholder order.
/// </summary>
internal sealed record BoundTarget(
    DatabaseInfo Database,
    string Name,
    IReadOnlyList<ColumnInfo> Schema,
    IReadOnlyList<ColumnInfo> TagSchema,
    TableInfo? SuperTable,
    IReadOnlyList<int> Columns,
    IReadOnlyList<int> Tags)
{
    /// <summary>The columns the placeholders of VALUES bind, in order.</summary>
    public IEnumerable<ColumnInfo> BoundColumns => Columns.Select(c => Schema[c]);

    /// <summary>The tags the placeholders of TAGS bind, in order.</summary>
    public IEnumerable<ColumnInfo> BoundTags => Tags.Select(t => TagSchema[t]);

    /// <summary>
    /// Resolves <paramref name="template"/>'s table (<paramref name="name"/> when it is a placeholder) as SQL INSERT
    /// does: 9731 for a missing table without USING, an unknown super table or column name; 512 for a super table.
    /// </summary>
    public static BoundTarget Resolve(ICatalogReader catalog, InsertTemplate template, TableName name, SqlSession session)
    {
        var clause = template.Clause;
        var db = CatalogResolver.RequireDatabase(catalog, name.Database, session);
        var existing = catalog.FindTable(db.Name, name.Name);
        TableInfo? super = null;
        if (clause.Using is { } u)
        {
            super = catalog.FindTable(u.Stable.Database ?? db.Name, u.Stable.Name);
            if (super is null || super.Kind != TableKind.Super) throw CatalogResolver.TableNotExist();
        }
        else if (existing is null)
        {
            throw CatalogResolver.TableNotExist();
        }
        if (existing?.Kind == TableKind.Super)
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
        var schema = existing ?? super!;
        int[] columns = InsertBinder.BoundColumns(clause, schema.Columns);
        if (columns.Length != template.ColumnParameters)
            throw new TaosServerException(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
        var tagSchema = super?.Tags ?? schema.Tags;
        return new BoundTarget(db, name.Name, schema.Columns, tagSchema, super, columns, TagIndexes(clause.Using, tagSchema, template));
    }

    private static int[] TagIndexes(InsertUsing? usingClause, IReadOnlyList<ColumnInfo> tags, InsertTemplate template)
    {
        if (usingClause is null) return [];
        int[] bound = usingClause.TagNames is { } names
            ? names.Select(n => TagBinder.IndexOf(tags, n) is >= 0 and var i ? i
                : throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + n)).ToArray()
            : Enumerable.Range(0, tags.Count).ToArray();
        if (bound.Length != template.TagParameters)
            throw new TaosServerException(ServerErrorCode.TagsNumberMismatch, "Tags number not matched");
        return bound;
    }
}
