using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The SQLite statements that give a super or normal table's stored rows a new column list (see
/// <see cref="TableLayout"/>): schema column <c>i</c> must stay in SQLite column <c>c&lt;i&gt;</c> of part
/// <see cref="TableLayout.PartOf"/>, so a dropped column shifts the ones after it down by one.
/// </summary>
internal static class SchemaLayout
{
    private const string NewSuffix = "_new";

    /// <summary>Adds schema column <paramref name="index"/> (the new last one) of a table that had <paramref name="index"/> columns.</summary>
    public static IEnumerable<string> AddColumn(long dataId, int index, TaosDataType type)
    {
        int part = TableLayout.PartOf(index);
        string table = TableLayout.PartTableName(dataId, part);
        string column = TableLayout.ColumnName(index) + " " + TableLayout.SqliteType(type);
        if (part < TableLayout.PartCount(index))
        {
            yield return "ALTER TABLE " + table + " ADD COLUMN " + column;
            yield break;
        }
        // A new part: it must hold every row the other parts hold.
        yield return "CREATE TABLE " + table + " (tid INTEGER NOT NULL, ts INTEGER NOT NULL, " + column + ", PRIMARY KEY (tid, ts)) WITHOUT ROWID";
        yield return "INSERT INTO " + table + " (tid, ts) SELECT tid, ts FROM " + TableLayout.PartTableName(dataId, 0);
    }

    /// <summary>
    /// Drops schema column <paramref name="index"/> (≥ 1) of <paramref name="columns"/>: every part from the dropped
    /// column's on is rebuilt with the later columns shifted down (one copy of the rows, not one rewrite per column).
    /// </summary>
    public static IEnumerable<string> DropColumn(long dataId, IReadOnlyList<ColumnInfo> columns, int index)
    {
        int first = TableLayout.PartOf(index);
        int oldParts = TableLayout.PartCount(columns.Count), newParts = TableLayout.PartCount(columns.Count - 1);
        for (int part = first; part < newParts; part++)
        {
            string target = TableLayout.PartTableName(dataId, part) + NewSuffix;
            var create = new StringBuilder("CREATE TABLE ").Append(target).Append(" (tid INTEGER NOT NULL, ts INTEGER NOT NULL");
            var insert = new StringBuilder("INSERT INTO ").Append(target).Append(" (tid, ts");
            var select = new StringBuilder(" SELECT a.tid, a.ts");
            bool joined = false;
            for (int i = 1; i < columns.Count - 1; i++)
            {
                if (TableLayout.PartOf(i) != part) continue;
                int old = i >= index ? i + 1 : i;
                create.Append(", ").Append(TableLayout.ColumnName(i)).Append(' ').Append(TableLayout.SqliteType(columns[old].Type));
                insert.Append(", ").Append(TableLayout.ColumnName(i));
                bool next = TableLayout.PartOf(old) != part;
                joined |= next;
                select.Append(next ? ", b." : ", a.").Append(TableLayout.ColumnName(old));
            }
            yield return create.Append(", PRIMARY KEY (tid, ts)) WITHOUT ROWID").ToString();
            select.Append(" FROM ").Append(TableLayout.PartTableName(dataId, part)).Append(" a");
            if (joined)
            {
                select.Append(" JOIN ").Append(TableLayout.PartTableName(dataId, part + 1)).Append(" b ON b.tid = a.tid AND b.ts = a.ts");
            }
            yield return insert.Append(')').Append(select).ToString();
        }
        for (int part = first; part < oldParts; part++) yield return "DROP TABLE " + TableLayout.PartTableName(dataId, part);
        for (int part = first; part < newParts; part++)
            yield return "ALTER TABLE " + TableLayout.PartTableName(dataId, part) + NewSuffix + " RENAME TO " + TableLayout.PartTableName(dataId, part);
    }
}
