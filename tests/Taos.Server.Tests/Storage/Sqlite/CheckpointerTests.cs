using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Http;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>
/// A checkpoint that copies the WAL while a commit is in flight (what a steady writer always has) still lets the next
/// write start the WAL over from its beginning, instead of appending to a file that only grows.
/// </summary>
public sealed class CheckpointerTests : IDisposable
{
    private static readonly ColumnInfo[] Columns = [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.BigInt, 8)];
    private static readonly int[] Both = [0, 1];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-ckpt-" + Guid.NewGuid().ToString("N"));
    private long _next = 1_700_000_000_000;

    public void Dispose() => ServerFixture.TryDelete(_dir);

    [Fact]
    public void The_write_after_a_copy_made_during_a_commit_starts_the_wal_over_and_no_row_is_lost()
    {
        // Without the background thread, the copies are exactly the ones this test runs.
        using var store = new SqliteStore(_dir, checkpointInBackground: false);
        var table = store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string> { ["keep"] = "5256000m" }));
            return tx.CreateTable(new TableInfo("d", "t", TableKind.Normal, null, Columns, [], null));
        });
        var wal = new FileInfo(Path.Combine(_dir, "taos.db-wal"));
        int commits = 1;
        // Past the 16 MB the checkpointer waits for (every one-row commit appends a few pages).
        while (new FileInfo(wal.FullName).Length < 17L << 20)
        {
            Insert(store, table);
            commits++;
        }
        // The copy runs while this commit is in flight: the frames it appends are not copied.
        store.Write(tx =>
        {
            tx.UpsertRows(table, Both, [[_next, _next++]]);
            store.Checkpointer.Checkpoint();
            return 0;
        });
        Insert(store, table);
        commits += 2;

        // Started over, the WAL holds just the last commit's frames; otherwise every frame since it was created.
        Assert.InRange(FramesInWal(), 1, 20);
        Assert.Equal(commits - 1, store.ScanRows(store.FindTable("d", "t")!, long.MinValue, long.MaxValue).Count());
    }

    private void Insert(SqliteStore store, TableEntry table)
    {
        long ts = _next++;
        store.Write(tx =>
        {
            tx.UpsertRows(table, Both, [[ts, ts]]);
            return 0;
        });
    }

    // PRAGMA wal_checkpoint answers (busy, frames in the WAL, frames copied).
    private long FramesInWal()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "taos.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0, reader.GetInt64(0));
        return reader.GetInt64(1);
    }
}
