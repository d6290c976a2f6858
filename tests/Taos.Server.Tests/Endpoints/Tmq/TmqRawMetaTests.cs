using System.Buffers.Binary;
using Taos.Server.Endpoints.Tmq;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Endpoints.Tmq;

/// <summary>
/// The raw meta of fetch_raw/write_raw: vnode requests as source/common/src/tmsg.c encodes them (tEncodeSVDropStbReq,
/// tEncodeSVDropTbBatchReq, tEncodeDeleteRes byte for byte; the others read back field for field), and malformed
/// bytes refused as TDengine's 0x0118 without any other failure.
/// </summary>
public class TmqRawMetaTests
{
    private static readonly MetaColumn[] Columns = [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.Int, 4), new("s", TaosDataType.VarChar, 10)];
    private static readonly MetaColumn[] Tags = [new("g", TaosDataType.Int, 4), new("loc", TaosDataType.NChar, 8), new("f", TaosDataType.Double, 8)];

    private static MetaBatch One(MetaEvent e) => new(e.Kind, [e]);

    private static IEnumerable<MetaBatch> Samples()
    {
        yield return One(new MetaEvent(MetaKind.CreateStable, "db", "st") { SuperTable = "st", Columns = Columns, Tags = Tags });
        yield return One(new MetaEvent(MetaKind.AlterStable, "db", "st")
        {
            SuperTable = "st", Columns = Columns, Tags = Tags, AlterType = MetaJson.UpdateTagName, ColumnName = "old", NewName = "loc",
        });
        yield return new MetaBatch(MetaKind.CreateTable,
        [
            new MetaEvent(MetaKind.CreateTable, "db", "c1") { SuperTable = "st", Tags = Tags, TagValues = ["1", "北京", "2.5"] },
            new MetaEvent(MetaKind.CreateTable, "db", "c2") { SuperTable = "st", Tags = Tags, TagValues = [null, "x", null] },
        ]);
        yield return One(new MetaEvent(MetaKind.CreateTable, "db", "n1") { Normal = true, Columns = Columns });
        yield return One(new MetaEvent(MetaKind.AlterTable, "db", "n1") { AlterType = MetaJson.AddColumn, ColumnName = "w", Column = new MetaColumn("w", TaosDataType.NChar, 3) });
        yield return One(new MetaEvent(MetaKind.AlterTable, "db", "c1") { AlterType = MetaJson.UpdateTagValue, ColumnName = "loc", Column = Tags[1], TagValue = "上海" });
        yield return One(new MetaEvent(MetaKind.AlterTable, "db", "c1") { AlterType = MetaJson.UpdateTagValue, ColumnName = "g", Column = Tags[0], TagValue = null });
        yield return new MetaBatch(MetaKind.DropTable, [new MetaEvent(MetaKind.DropTable, "db", "c1") { SuperTable = "st" }, new MetaEvent(MetaKind.DropTable, "db", "n1") { Normal = true }]);
        yield return One(new MetaEvent(MetaKind.DropStable, "db", "st") { SuperTable = "st" });
        yield return One(new MetaEvent(MetaKind.Delete, "db", "c1") { SuperTable = "st", StartKey = 10, EndKey = 20, TimestampColumn = "ts" });
    }

    private static string Describe(MetaBatch batch) => string.Join(" | ", batch.Events.Select(e =>
        $"{e.Kind} {e.Table} super={e.SuperTable} alter={e.AlterType} {e.ColumnName}->{e.NewName} "
        + $"cols={string.Join(",", e.Columns.Select(c => $"{c.Name}:{c.Type}:{c.Length}"))} "
        + $"column={(e.Column is { } c ? $"{c.Name}:{c.Type}" : "")} tagValue={e.TagValue ?? "NULL"} range={e.StartKey}..{e.EndKey}"));

    [Fact]
    public void Every_kind_reads_back_as_it_was_written()
    {
        foreach (var batch in Samples())
        {
            var read = TmqRawMeta.Decode((ushort)batch.Kind, TmqRawMeta.Encode(batch, 5));
            Assert.Equal(batch.Kind, read.Kind);
            if (batch.Kind == MetaKind.CreateTable && !batch.First.Normal)
            {
                // A child's tags come back named and typed as the STag holds them, NULL ones left out.
                Assert.Equal(["c1", "c2"], read.Events.Select(e => e.Table));
                Assert.Equal(["g", "loc", "f"], read.Events[0].Tags.Select(t => t.Name));
                Assert.Equal(["1", "北京", "2.5"], read.Events[0].TagValues);
                Assert.Equal([("loc", TaosDataType.NChar)], read.Events[1].Tags.Select(t => (t.Name, t.Type)));
                continue;
            }
            var expected = batch with
            {
                Events = batch.Events.Select(e => e with
                {
                    Database = "",
                    SuperTable = e.Kind is MetaKind.CreateStable or MetaKind.AlterStable ? e.SuperTable : null,
                    Normal = e.Kind == MetaKind.CreateTable && e.Normal,
                    Tags = e.Kind is MetaKind.CreateStable or MetaKind.AlterStable ? e.Tags : [],
                    Column = e.Column is { } c ? c with { Length = e.AlterType == MetaJson.UpdateTagValue ? 0 : c.Length } : null,
                }).ToList(),
            };
            Assert.Equal(Describe(expected), Describe(read));
        }
    }

    [Fact]
    public void Drop_stable_drop_table_and_delete_are_tmsg_cs_bytes_after_the_message_head()
    {
        byte[] drop = TmqRawMeta.Encode(One(new MetaEvent(MetaKind.DropStable, "db", "st")), 5);
        Assert.Equal((drop.Length, 5), (BinaryPrimitives.ReadInt32BigEndian(drop), BinaryPrimitives.ReadInt32BigEndian(drop.AsSpan(4))));
        // tStartEncode's i32 length, the name as a C string (u32v length with the 0), the suid (i64).
        Assert.Equal([3 + 1 + 8, 0, 0, 0, 3, (byte)'s', (byte)'t', 0], drop[8..16]);
        Assert.Equal(8, drop.Length - 16);

        byte[] tables = TmqRawMeta.Encode(new MetaBatch(MetaKind.DropTable, [new MetaEvent(MetaKind.DropTable, "db", "n1") { Normal = true }]), 3);
        // The batch: its length, nReqs (i32v zigzag: 2), then per request its length, name, suid (u64, 0 for a normal table), igNotExists.
        Assert.Equal([1 + 4 + 4 + 8 + 1, 0, 0, 0, 2, 4 + 8 + 1, 0, 0, 0, 3, (byte)'n', (byte)'1', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], tables[8..]);

        byte[] delete = TmqRawMeta.Encode(One(new MetaEvent(MetaKind.Delete, "db", "n1") { Normal = true, StartKey = 1, EndKey = 2, TimestampColumn = "ts" }), 3);
        var body = delete.AsSpan(8);
        // SDeleteRes: suid (0), one uid, skey, ekey, affectedRows (i64v 0), table name, ts column, ctimeMs, source.
        Assert.Equal((0L, (byte)2, 1L, 2L), (BinaryPrimitives.ReadInt64LittleEndian(body), body[8], BinaryPrimitives.ReadInt64LittleEndian(body[17..]), BinaryPrimitives.ReadInt64LittleEndian(body[25..])));
        Assert.Equal([0, 3, (byte)'n', (byte)'1', 0, 3, (byte)'t', (byte)'s', 0], body[33..42].ToArray());
        Assert.Equal(42 + 8 + 1, body.Length);
    }

    [Fact]
    public void Malformed_raw_meta_is_invalid_parameters_and_nothing_else()
    {
        var random = new Random(17);
        foreach (var batch in Samples())
        {
            byte[] bytes = TmqRawMeta.Encode(batch, 2);
            // tDecodeDeleteRes reads ctimeMs and source only when present: a delete may end after its ts column.
            int needed = batch.Kind == MetaKind.Delete ? bytes.Length - 9 : bytes.Length;
            for (int cut = 0; cut < needed; cut++) Refused(batch.Kind, bytes[..cut]);
            for (int i = 0; i < 200; i++)
            {
                byte[] broken = bytes.ToArray();
                broken[random.Next(8, broken.Length)] = (byte)random.Next(256);
                try
                {
                    TmqRawMeta.Decode((ushort)batch.Kind, broken);
                }
                catch (TaosServerException e)
                {
                    Assert.Equal((0x0118, "Invalid parameters"), (e.Code, e.Message));
                }
            }
        }
        Refused((MetaKind)999, TmqRawMeta.Encode(Samples().First(), 2));
    }

    private static void Refused(MetaKind kind, byte[] bytes)
    {
        var e = Assert.Throws<TaosServerException>(() => TmqRawMeta.Decode((ushort)kind, bytes));
        Assert.Equal(0x0118, e.Code);
    }
}
