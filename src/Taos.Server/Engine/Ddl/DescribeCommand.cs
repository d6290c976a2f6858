using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>DESCRIBE: a table's columns and tags; a super or normal table also shows the encode/compress/level options.</summary>
internal sealed class DescribeCommand(ICatalogReader catalog)
{
    public RowSetResult Execute(DescribeStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, s.Name.Database, session);
        var table = catalog.FindTable(db.Name, s.Name.Name) ?? throw CatalogResolver.TableNotExist();
        bool full = table.Kind != TableKind.Child;
        var columns = new List<ResultColumn>
        {
            new("field", TaosDataType.VarChar, 64),
            new("type", TaosDataType.VarChar, 20),
            new("length", TaosDataType.Int, 4),
            new("note", TaosDataType.VarChar, 16),
        };
        if (full)
        {
            columns.Add(new ResultColumn("encode", TaosDataType.VarChar, 12));
            columns.Add(new ResultColumn("compress", TaosDataType.VarChar, 12));
            columns.Add(new ResultColumn("level", TaosDataType.VarChar, 12));
        }
        var rows = new List<object?[]>();
        foreach (var c in table.Columns)
        {
            rows.Add(full
                ? [c.Name, TaosTypes.Name(c.Type), c.Length, "", c.Encode ?? DefaultEncode(c.Type), c.Compress ?? "lz4", c.Level ?? "medium"]
                : [c.Name, TaosTypes.Name(c.Type), c.Length, ""]);
        }
        foreach (var t in table.Tags)
        {
            rows.Add(full
                ? [t.Name, TaosTypes.Name(t.Type), t.Length, "TAG", "disabled", "disabled", "disabled"]
                : [t.Name, TaosTypes.Name(t.Type), t.Length, "TAG"]);
        }
        return new RowSetResult(columns, rows, db.Precision);
    }

    internal static string DefaultEncode(TaosDataType type) => type switch
    {
        TaosDataType.Timestamp => "delta-i",
        TaosDataType.Bool => "bit-packing",
        TaosDataType.Float or TaosDataType.Double => "delta-d",
        _ when TaosTypes.IsInteger(type) => "simple8b",
        _ => "disabled",
    };
}
