using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Topics;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>The write log's DDL entries (the <c>meta</c> column) and data directories written before the column existed.</summary>
public sealed class WriteLogTests : EngineTestBase
{
    [Fact]
    public void A_log_without_the_meta_column_gets_it_and_its_rows_still_read()
    {
        Exec("create topic t with meta as database d");
        Exec("create table n (ts timestamp, v int)");
        Exec("insert into n values (1704067200000, 1)");
        Engine.Dispose();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Dir, "taos.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM write_log WHERE meta IS NOT NULL; ALTER TABLE write_log DROP COLUMN meta";
            command.ExecuteNonQuery();
        }
        Reopen();
        Exec("insert into n values (1704067201000, 2)");
        Exec("drop table n");
        Assert.Equal([null, null, MetaKind.DropTable], Store.ReadWriteLog("d", 0).Select(e => e.Meta?.Kind));
        var consumer = Engine.CreateConsumer("g", OffsetReset.Earliest);
        consumer.Subscribe(["t"]);
        var kinds = new List<int>();
        while (consumer.Poll() is { } message) kinds.Add(message.MessageType);
        Assert.Equal([TopicMessage.TableMetaType], kinds);
    }
}
