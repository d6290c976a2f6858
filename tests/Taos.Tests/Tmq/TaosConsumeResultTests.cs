using Taos.Tmq;

namespace Taos.Tests.Tmq;

/// <summary>A consumed message's rows: read with a <see cref="TaosDataReader"/> and mapped to objects.</summary>
public sealed class TaosConsumeResultTests(TmqServer server) : IClassFixture<TmqServer>
{
    public sealed class Meter
    {
        public DateTime Ts { get; set; }

        public double Current { get; set; }

        public long? Voltage { get; set; }

        public string? TableName { get; set; }

        public string? Unmapped { get; set; }
    }

    public sealed class Exact
    {
        public TaosTimestamp Ts { get; set; }

        public DateTimeOffset? When { get; set; }

        public string? Current { get; set; }
    }

    public sealed class Wrong
    {
        public Guid Current { get; set; }
    }

    private TaosConsumeResult ConsumeOne(string topicSuffix, out string db)
    {
        db = server.Unique("tq_rows");
        server.CreateMeters(db);
        server.Run($"insert into {db}.d1 using {db}.meters tags (1, 'n') values (1704067200000, 10.5, 220) (1704067201000, 11.5, null)");
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + topicSuffix);
        return Assert.Single(TmqTestRows.Drain(consumer));
    }

    [Fact]
    public void Reader_reads_the_blocks_typed_with_nulls()
    {
        var message = ConsumeOne("_rows", out string db);
        Assert.Equal((db + "_rows", db, 2), (message.Topic, message.Database, message.RowCount));
        Assert.Equal("", message.TableName);
        using var reader = message.GetReader();
        Assert.Equal(["ts", "current", "voltage"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        Assert.Equal(["TIMESTAMP", "FLOAT", "INT"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName));
        Assert.True(reader.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), reader.GetDateTime(0));
        Assert.Equal(10.5f, reader.GetFloat(1));
        Assert.Equal(220, reader.GetInt32(2));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(2));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Rows_map_to_objects_by_column_name_with_the_table_name()
    {
        var message = ConsumeOne("_stb", out _);
        var block = Assert.Single(message.Blocks);
        Assert.Equal(["ts", "current", "voltage"], block.ColumnNames);
        var meters = message.ToList<Meter>();
        Assert.Equal(2, meters.Count);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 1, DateTimeKind.Utc), meters[1].Ts);
        Assert.Equal(11.5, meters[1].Current);
        Assert.Equal(220L, meters[0].Voltage);
        Assert.Null(meters[1].Voltage);
        Assert.All(meters, m => Assert.Equal("d1", m.TableName));
        Assert.All(meters, m => Assert.Null(m.Unmapped));
        var exact = block.ToList<Exact>();
        Assert.Equal(new TaosTimestamp(1704067200000, TaosPrecision.Milliseconds), exact[0].Ts);
        Assert.Null(exact[0].When);
        Assert.Equal("10.5", exact[0].Current);
    }

    [Fact]
    public void A_column_that_does_not_convert_to_its_property_says_which()
    {
        var message = ConsumeOne("_rows", out _);
        var e = Assert.Throws<InvalidCastException>(() => message.ToList<Wrong>());
        Assert.Contains("'current'", e.Message);
        Assert.Contains("'Current'", e.Message);
    }

    [Fact]
    public void A_database_topic_message_reads_block_by_block_when_the_tables_differ()
    {
        string db = server.Unique("tq_dbtopic");
        // One vgroup, so that both tables' rows come in one message.
        server.Run($"create database {db} vgroups 1", $"create stable {db}.meters (ts timestamp, current float, voltage int) tags (groupid int)",
            $"create table {db}.plain (ts timestamp, note varchar(8))", $"create topic {db}_all as database {db}",
            $"insert into {db}.d1 using {db}.meters tags (1) values (1704067200000, 10.5, 220) {db}.plain values (1704067200000, 'hi')");
        using var consumer = new TaosConsumer(server.Config(db + "_g"));
        consumer.Subscribe(db + "_all");
        var blocks = TmqTestRows.Drain(consumer).SelectMany(m => m.Blocks).OrderBy(b => b.TableName).ToList();
        Assert.Equal(["d1", "plain"], blocks.Select(b => b.TableName));
        Assert.Equal(["ts", "note"], blocks[1].ColumnNames);
        using (var reader = blocks[1].GetReader())
        {
            Assert.True(reader.Read());
            Assert.Equal("hi", reader.GetString(1));
        }
        TmqTestRows.SeekToBegin(consumer);
        var message = consumer.Consume(TimeSpan.FromSeconds(5))!;
        Assert.Equal(2, message.Blocks.Count);
        Assert.Equal("", message.TableName);
        Assert.Throws<InvalidOperationException>(() => message.GetReader());
        Assert.Equal(["d1", "plain"], message.ToList<Meter>().Select(m => m.TableName).Order());
    }
}
