using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// SHOW CREATE TABLE and SHOW CREATE STABLE: the statement that recreates the table as it is now, in TDengine
/// 3.3.0.1's form — columns with their ENCODE/COMPRESS/LEVEL, a super table's TAGS, a child table's
/// <c>USING … (tags) TAGS (values)</c>, then COMMENT and TTL when set.
/// </summary>
internal sealed class ShowCreateTableCommand(ICatalogReader catalog)
{
    private static readonly ResultColumn[] Columns =
    [
        new("Table", TaosDataType.VarChar, 193),
        new("Create Table", TaosDataType.VarChar, 3145726),
    ];

    public RowSetResult Execute(ShowCreateTableStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, s.Name.Database, session);
        var table = catalog.FindTable(db.Name, s.Name.Name) ?? throw CatalogResolver.TableNotExist();
        if (s.Stable && table.Kind != TableKind.Super)
            throw new TaosServerException(559, "Table is not a super table");
        var sql = new StringBuilder(table.Kind == TableKind.Super ? "CREATE STABLE `" : "CREATE TABLE `").Append(table.Name).Append('`');
        if (table.Kind == TableKind.Child)
        {
            sql.Append(" USING `").Append(table.SuperTable).Append("` (").AppendJoin(", ", table.Tags.Select(t => "`" + t.Name + "`"))
                .Append(") TAGS (").AppendJoin(", ", table.Tags.Select((t, i) => TagLiteral(table.TagValues?[i]))).Append(')');
        }
        else
        {
            sql.Append(" (").AppendJoin(", ", table.Columns.Select(ColumnDefinition)).Append(')');
            if (table.Kind == TableKind.Super) sql.Append(" TAGS (").AppendJoin(", ", table.Tags.Select(t => "`" + t.Name + "` " + TypeText(t))).Append(')');
        }
        if (table.Comment is not null) sql.Append(" COMMENT '").Append(table.Comment).Append('\'');
        if (table.Ttl != 0) sql.Append(" TTL ").Append(table.Ttl.ToString(CultureInfo.InvariantCulture));
        return new RowSetResult(Columns, [[table.Name, sql.ToString()]], TaosPrecision.Milliseconds);
    }

    private static string ColumnDefinition(ColumnInfo c) =>
        $"`{c.Name}` {TypeText(c)} ENCODE '{c.Encode ?? DescribeCommand.DefaultEncode(c.Type)}' COMPRESS '{c.Compress ?? "lz4"}' LEVEL '{c.Level ?? "medium"}'";

    private static string TypeText(ColumnInfo c) =>
        TaosTypes.IsVariableLength(c.Type) ? $"{TaosTypes.Name(c.Type)}({c.Length.ToString(CultureInfo.InvariantCulture)})" : TaosTypes.Name(c.Type);

    /// <summary>A tag value as TDengine prints it: strings in double quotes, floating point in <c>%e</c> form.</summary>
    private static string TagLiteral(object? value) => value switch
    {
        null => "NULL",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        float f => ((double)f).ToString("0.000000e+00", CultureInfo.InvariantCulture),
        double d => d.ToString("0.000000e+00", CultureInfo.InvariantCulture),
        byte[] bytes => "\"\\x" + Convert.ToHexString(bytes) + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
