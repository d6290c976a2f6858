using System.Buffers;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Tests.Protocol.Rest;

/// <summary>What the server's writer puts on the wire, the client's reader gets back.</summary>
public class RestEnvelopeRoundTripTests
{
    private static RestEnvelopeReader Read(Action<RestEnvelopeWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new RestEnvelopeWriter(buffer));
        var reader = new RestEnvelopeReader(new MemoryStream(buffer.WrittenSpan.ToArray()));
        reader.ReadHeaderAsync(false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return reader;
    }

    private static bool ReadRow(RestEnvelopeReader reader, TaosValue[] row) =>
        reader.ReadRowAsync(row, false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void Result_with_every_type_round_trips()
    {
        (string Name, TaosDataType Type, int Length)[] columns =
        [
            ("ts", TaosDataType.Timestamp, 8), ("b", TaosDataType.Bool, 1), ("i8", TaosDataType.TinyInt, 1),
            ("i64", TaosDataType.BigInt, 8), ("u64", TaosDataType.UBigInt, 8), ("f", TaosDataType.Float, 4),
            ("d", TaosDataType.Double, 8), ("s", TaosDataType.VarChar, 32), ("n", TaosDataType.NChar, 16),
            ("vb", TaosDataType.VarBinary, 16), ("j", TaosDataType.Json, 4095), ("name \"q\"", TaosDataType.Int, 4),
        ];
        var types = columns.Select(c => c.Type).ToArray();
        object?[] first = [1704067201123456789L, true, (sbyte)-128, long.MinValue, ulong.MaxValue, 0.31f, 1.7e308,
            "b\"q\\ <&> \n", "涛思 ñ", new byte[] { 0, 0xAB, 0xFF }, "{\"k\":[1,2]}", 42];
        object?[] nulls = [1704067202000000000L, null, null, null, null, null, null, null, null, null, null, null];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

        using var reader = Read(w =>
        {
            w.WriteResultStart();
            foreach (var (name, type, length) in columns) w.WriteColumn(name, type, length);
            w.WriteDataStart();
            w.WriteRow(types, first, TaosPrecision.Nanoseconds, zone);
            w.WriteRow(types, nulls, TaosPrecision.Nanoseconds, zone);
            w.WriteResultEnd();
        });

        Assert.Equal(0, reader.Code);
        Assert.True(reader.HasData);
        Assert.Equal(columns.Select(c => new RestColumn(c.Name, TaosTypes.Name(c.Type), c.Type, c.Length)), reader.Columns);
        var row = new TaosValue[columns.Length];
        Assert.True(ReadRow(reader, row));
        Assert.Equal(new TaosTimestamp(1704067201123456789L, TaosPrecision.Nanoseconds), row[0].Timestamp);
        Assert.Equal(8 * 60, row[0].OffsetMinutes);
        Assert.Equal(1, row[1].Int64);
        Assert.Equal(-128, row[2].Int64);
        Assert.Equal(long.MinValue, row[3].Int64);
        Assert.Equal(ulong.MaxValue, row[4].UInt64);
        Assert.Equal(0.31f, (float)row[5].Double);
        Assert.Equal(1.7e308, row[6].Double);
        Assert.Equal("b\"q\\ <&> \n", row[7].Ref);
        Assert.Equal("涛思 ñ", row[8].Ref);
        Assert.Equal(new byte[] { 0, 0xAB, 0xFF }, row[9].Ref);
        Assert.Equal(TaosValueKind.Json, row[10].Kind);
        Assert.Equal("{\"k\":[1,2]}", row[10].Ref);
        Assert.Equal(42, row[11].Int64);
        Assert.True(ReadRow(reader, row));
        Assert.Equal(new TaosTimestamp(1704067202000000000L, TaosPrecision.Nanoseconds), row[0].Timestamp);
        Assert.All(row[1..], v => Assert.True(v.IsNull));
        Assert.False(ReadRow(reader, row));
        Assert.Equal(2, reader.RowCount);
    }

    [Fact]
    public async Task A_width_TDengine_writes_unsigned_reads_back_as_its_32_bits()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new RestEnvelopeWriter(buffer);
        w.WriteResultStart();
        w.WriteColumn("concat('a', null)", TaosDataType.VarChar, -2);
        w.WriteDataStart();
        w.WriteResultEnd();
        Assert.Contains("\"VARCHAR\",4294967294]", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        using var reader = new RestEnvelopeReader(new MemoryStream(buffer.WrittenSpan.ToArray()));
        await reader.ReadHeaderAsync(false, CancellationToken.None);
        Assert.Equal(-2, reader.Columns.Single().Length);
    }

    [Theory]
    [InlineData(TaosPrecision.Milliseconds, 1704067200123L)]
    [InlineData(TaosPrecision.Microseconds, 1704067200123456L)]
    [InlineData(TaosPrecision.Nanoseconds, 1704067200123456789L)]
    public void Timestamps_keep_their_precision(TaosPrecision precision, long ticks)
    {
        using var reader = Read(w =>
        {
            w.WriteResultStart();
            w.WriteColumn("ts", TaosDataType.Timestamp, 8);
            w.WriteDataStart();
            w.WriteRow([TaosDataType.Timestamp], [ticks], precision, null);
            w.WriteResultEnd();
        });
        var row = new TaosValue[1];
        Assert.True(ReadRow(reader, row));
        Assert.Equal(new TaosTimestamp(ticks, precision), row[0].Timestamp);
        Assert.Equal(0, row[0].OffsetMinutes);
    }

    [Fact]
    public void Affected_rows_round_trip()
    {
        using var reader = Read(w => w.WriteAffectedRows(7));
        var column = Assert.Single(reader.Columns);
        Assert.Equal(new RestColumn(RestProtocol.AffectedRowsColumn, "INT", TaosDataType.Int, 4), column);
        var row = new TaosValue[1];
        Assert.True(ReadRow(reader, row));
        Assert.Equal(7, row[0].Int64);
        Assert.False(ReadRow(reader, row));
        Assert.Equal(1, reader.RowCount);
    }

    [Fact]
    public void Message_round_trips_with_go_escaping()
    {
        using var reader = Read(w => w.WriteMessage(0x2600, "syntax error near \"a<b\" & c"));
        Assert.Equal(0x2600, reader.Code);
        Assert.Equal("syntax error near \"a<b\" & c", reader.Description);
        Assert.False(reader.HasData);
        Assert.Empty(reader.Columns);
    }
}
