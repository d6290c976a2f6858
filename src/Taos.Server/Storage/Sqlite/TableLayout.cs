using System.Globalization;
using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// How a table's rows are laid out in SQLite. Each super or normal table has one SQLite table <c>t_&lt;id&gt;</c>
/// keyed <c>(tid, ts)</c> WITHOUT ROWID, with schema column <c>i</c> (1 and up) in SQLite column <c>c&lt;i&gt;</c>;
/// a child table's rows live in its super table's SQLite table under the child's id. Tables wider than one SQLite
/// table allows are stored in parts (see <see cref="ColumnsPerPart"/>).
/// </summary>
internal static class TableLayout
{
    /// <summary>
    /// Data columns per SQLite table. SQLite allows at most 2000 columns per table and per result, TDengine up to
    /// 4096 columns and tags: a wider table's columns are spread over several SQLite tables with the same
    /// (tid, ts) rows. 1998 + tid + ts is exactly what one SQLite table holds, so every table that fitted before
    /// keeps its single table (part 0 keeps the original name): existing data directories read as before.
    /// </summary>
    public const int ColumnsPerPart = 1998;

    /// <summary>How many SQLite tables hold a table of <paramref name="schemaColumns"/> columns (ts included).</summary>
    public static int PartCount(int schemaColumns) => Math.Max(1, (schemaColumns - 1 + ColumnsPerPart - 1) / ColumnsPerPart);

    /// <summary>The part holding schema column <paramref name="columnIndex"/> (1 and up; ts is in every part).</summary>
    public static int PartOf(int columnIndex) => (columnIndex - 1) / ColumnsPerPart;

    /// <summary>The SQLite table holding the rows of the table (or super table) with storage id <paramref name="dataId"/>.</summary>
    public static string DataTableName(long dataId) => "t_" + dataId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQLite table of part <paramref name="part"/> of <paramref name="dataId"/>'s rows.</summary>
    public static string PartTableName(long dataId, int part) =>
        part == 0 ? DataTableName(dataId) : DataTableName(dataId) + "_p" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQLite column of schema column <paramref name="index"/> (1 and up: column 0, the timestamp, is <c>ts</c>).</summary>
    public static string ColumnName(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQLite column type a TDengine type is stored as.</summary>
    public static string SqliteType(TaosDataType type) => type switch
    {
        TaosDataType.Float or TaosDataType.Double => "REAL",
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => "TEXT",
        TaosDataType.VarBinary or TaosDataType.Geometry => "BLOB",
        _ => "INTEGER",
    };

    /// <summary>The CREATE TABLE statements of the parts holding the rows of a super or normal table.</summary>
    public static IEnumerable<string> CreateStatements(long dataId, IReadOnlyList<ColumnInfo> columns)
    {
        for (int part = 0; part < PartCount(columns.Count); part++)
        {
            var sql = new StringBuilder("CREATE TABLE ").Append(PartTableName(dataId, part))
                .Append(" (tid INTEGER NOT NULL, ts INTEGER NOT NULL");
            for (int i = 1; i < columns.Count; i++)
            {
                if (PartOf(i) == part)
                    sql.Append(", ").Append(ColumnName(i)).Append(' ').Append(SqliteType(columns[i].Type));
            }
            sql.Append(", PRIMARY KEY (tid, ts)) WITHOUT ROWID");
            yield return sql.ToString();
        }
    }

    /// <summary>The DROP statements of the parts holding the rows of a super or normal table.</summary>
    public static IEnumerable<string> DropStatements(long dataId, int schemaColumns)
    {
        for (int part = 0; part < PartCount(schemaColumns); part++)
            yield return "DROP TABLE IF EXISTS " + PartTableName(dataId, part);
    }

    /// <summary>
    /// The ts-ordered range scan of <paramref name="selectList"/> (SQLite column names, comma-separated) in part
    /// <paramref name="part"/>; its parameters are tid, then min ts and max ts when <paramref name="bounded"/>.
    /// </summary>
    public static string RangeScan(string selectList, long dataId, int part, bool bounded) =>
        "SELECT " + selectList + " FROM " + PartTableName(dataId, part)
        + (bounded ? " WHERE tid = ? AND ts >= ? AND ts <= ? ORDER BY ts" : " WHERE tid = ? ORDER BY ts");
}
