using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Deletes rows of one table by timestamp from every part holding them (see <see cref="TableLayout"/>), a chunk of
/// timestamps per statement (handed over as one JSON array and read back with <c>json_each</c>).
/// </summary>
internal static class RowDeleter
{
    private const int ChunkSize = 10_000;

    /// <summary>Deletes the rows of <paramref name="table"/> at <paramref name="timestamps"/>; returns how many existed.</summary>
    public static int Delete(SqliteTransaction transaction, SqliteTable table, IReadOnlyList<long> timestamps)
    {
        int deleted = 0;
        for (int part = 0; part < TableLayout.PartCount(table.Info.Columns.Count); part++)
        {
            using var command = RawSqlite.Command(transaction, "DELETE FROM " + TableLayout.PartTableName(table.DataId, part)
                + " WHERE tid = $tid AND ts IN (SELECT value FROM json_each($ts))");
            command.Parameters.AddWithValue("$tid", table.Id);
            var list = command.Parameters.Add("$ts", SqliteType.Text);
            int count = 0;
            for (int start = 0; start < timestamps.Count; start += ChunkSize)
            {
                list.Value = JsonArray(timestamps, start, Math.Min(ChunkSize, timestamps.Count - start));
                count += command.ExecuteNonQuery();
            }
            // Every part holds every row: the first part's count is the table's.
            if (part == 0) deleted = count;
        }
        return deleted;
    }

    private static string JsonArray(IReadOnlyList<long> values, int start, int count)
    {
        var json = new StringBuilder(count * 16).Append('[');
        for (int i = 0; i < count; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(values[start + i].ToString(CultureInfo.InvariantCulture));
        }
        return json.Append(']').ToString();
    }
}
