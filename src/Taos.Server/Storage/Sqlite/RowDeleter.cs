using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>Deletes rows of one table by timestamp from every part holding them (see <see cref="TableLayout"/>).</summary>
internal static class RowDeleter
{
    /// <summary>Deletes the rows of <paramref name="table"/> at <paramref name="timestamps"/>; returns how many existed.</summary>
    public static int Delete(SqliteTransaction transaction, SqliteTable table, IReadOnlyList<long> timestamps)
    {
        int deleted = 0;
        for (int part = 0; part < TableLayout.PartCount(table.Info.Columns.Count); part++)
        {
            using var command = RawSqlite.Command(transaction, "DELETE FROM " + TableLayout.PartTableName(table.DataId, part) + " WHERE tid = $tid AND ts = $ts");
            command.Parameters.AddWithValue("$tid", table.Id);
            var ts = command.Parameters.Add("$ts", SqliteType.Integer);
            command.Prepare();
            int count = 0;
            foreach (long t in timestamps)
            {
                ts.Value = t;
                count += command.ExecuteNonQuery();
            }
            // Every part holds every row: the first part's count is the table's.
            if (part == 0) deleted = count;
        }
        return deleted;
    }
}
