using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_functions</c> (SHOW FUNCTIONS lists its <c>name</c>): one row per user-defined function
/// in creation order, filled as TDengine 3.3.0.1's mnode fills it (mndRetrieveFuncs): no comment (NULL), aggregate
/// 0/1, the output type's text, the creation time, the library's length, BUFSIZE, <c>C</c> or <c>Python</c>, the
/// library's bytes (at most TSDB_MAX_BINARY_LEN - 2 of them, read as UTF-8) and the version.
/// </summary>
internal static class FunctionSystemTable
{
    /// <summary>TSDB_MAX_BINARY_LEN less the 2-byte header: how much of the library func_body shows.</summary>
    private const int BodyBytes = 65517;

    /// <summary>The columns of ins_functions, with the lengths REST reports.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("name", TaosDataType.VarChar, 64), new("comment", TaosDataType.VarChar, 4095), new("aggregate", TaosDataType.Int, 4),
        new("output_type", TaosDataType.VarChar, 31), new("create_time", TaosDataType.Timestamp, 8), new("code_len", TaosDataType.Int, 4),
        new("bufsize", TaosDataType.Int, 4), new("func_language", TaosDataType.VarChar, 31), new("func_body", TaosDataType.VarChar, BodyBytes),
        new("func_version", TaosDataType.Int, 4),
    ];

    /// <summary>One row per stored function.</summary>
    public static IReadOnlyList<object?[]> Rows(ICatalogReader catalog) =>
        catalog.Functions().Select(f => new object?[]
        {
            f.Name, null, f.Aggregate ? 1 : 0, f.OutputTypeText, f.CreateTime, f.Code.Length, f.BufSize, f.LanguageText,
            Encoding.UTF8.GetString(f.Code, 0, Math.Min(f.Code.Length, BodyBytes)), f.Version,
        }).ToList();
}
