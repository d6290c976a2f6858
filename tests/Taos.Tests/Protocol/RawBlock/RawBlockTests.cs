using Taos.Protocol.RawBlock;

namespace Taos.Tests.Protocol.RawBlock;

public class RawBlockTests
{
    // ws.jsonl:14, the fetch_block frame of `select * from meters order by ts, tbname limit 3`; the block starts at byte 16.
    private const string RecordedFrame =
        "e68b000000000000010000000000000001000000df000000030000000600000000000080000000000000000009080000000604000000040400000006040000000404000000081a000000180000000c0000000c0000000c0000000c000000330000000000f451c28c01000000f451c28c010000e8f751c28c01000000cdcc24410000803fcdcc3c4100db00000001000000dd0000000052b89e3e0000803f295c8f3e0002000000040000000300000000000000190000001c000000170043616c69666f726e69612e53616e4672616e636973636f010058150043616c69666f726e69612e4c6f73416e67656c657300";

    [Fact]
    public void A_recorded_block_reads_back_to_the_recorded_values_and_re_encodes_byte_for_byte()
    {
        byte[] block = Convert.FromHexString(RecordedFrame)[16..];

        var data = RawBlockReader.Read(block);

        Assert.Equal(1, data.Version);
        Assert.Equal(0x80000000u, data.Flag);
        Assert.Equal(0ul, data.GroupId);
        Assert.Equal(
            [new(TaosDataType.Timestamp, 8), new(TaosDataType.Float, 4), new(TaosDataType.Int, 4), new(TaosDataType.Float, 4), new(TaosDataType.Int, 4), new RawBlockColumn(TaosDataType.VarChar, 26)],
            data.Columns);
        Assert.Equal(3, data.Rows.Count);
        Assert.Equal(new object?[] { 1704067200000L, 10.3f, 219, 0.31f, 2, "California.SanFrancisco" }, data.Rows[0]);
        Assert.Equal(new object?[] { 1704067200000L, 1.0f, 1, 1.0f, 4, "X" }, data.Rows[1]);
        Assert.Equal(new object?[] { 1704067201000L, 11.8f, 221, 0.28f, 3, "California.LosAngeles" }, data.Rows[2]);
        Assert.Equal(block, RawBlockWriter.Write(data.Columns, data.Rows));
    }

    [Fact]
    public void Every_type_round_trips_with_nulls()
    {
        RawBlockColumn[] columns =
        [
            new(TaosDataType.Timestamp, 8), new(TaosDataType.Bool, 1), new(TaosDataType.TinyInt, 1), new(TaosDataType.SmallInt, 2),
            new(TaosDataType.Int, 4), new(TaosDataType.BigInt, 8), new(TaosDataType.UTinyInt, 1), new(TaosDataType.USmallInt, 2),
            new(TaosDataType.UInt, 4), new(TaosDataType.UBigInt, 8), new(TaosDataType.Float, 4), new(TaosDataType.Double, 8),
            RawBlockColumn.FromDeclared(TaosDataType.VarChar, 10), RawBlockColumn.FromDeclared(TaosDataType.NChar, 5),
            RawBlockColumn.FromDeclared(TaosDataType.VarBinary, 4), RawBlockColumn.FromDeclared(TaosDataType.Geometry, 30),
        ];
        object?[][] rows =
        [
            [1L, true, (sbyte)-1, (short)-2, -3, -4L, (byte)255, (ushort)65535, uint.MaxValue, ulong.MaxValue, 1.5f, -2.25, "abc", "中文😀", new byte[] { 1, 2 }, new byte[] { 1, 1, 0, 0, 0 }],
            [2L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
            [3L, false, (sbyte)127, short.MaxValue, int.MinValue, long.MaxValue, (byte)0, (ushort)0, 0u, 0ul, float.NaN, double.MaxValue, "", "", Array.Empty<byte>(), new byte[] { 9 }],
        ];

        byte[] block = RawBlockWriter.Write(columns, rows);
        var data = RawBlockReader.Read(block);

        Assert.Equal(block.Length, BitConverter.ToInt32(block, 4));
        Assert.Equal(0, block[^1]);
        Assert.Equal(columns, data.Columns);
        Assert.Equal(rows.Length, data.Rows.Count);
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.Equal(rows[r], data.Rows[r]);
        }
        Assert.Equal(block, RawBlockWriter.Write(data.Columns, data.Rows));
        byte[] buffer = [];
        int used = RawBlockWriter.Write(columns, rows, ref buffer, reserve: 16);
        Assert.Equal(16 + block.Length, used);
        Assert.Equal(block, buffer[16..used]);
        // A buffer holding an earlier, larger block is reused and cleared where the new one goes.
        byte[] kept = buffer;
        int shorter = RawBlockWriter.Write(columns, [rows[1]], ref buffer, reserve: 16);
        Assert.Same(kept, buffer);
        Assert.Equal(RawBlockWriter.Write(columns, [rows[1]]), buffer[16..shorter]);
    }

    [Fact]
    public void Nchar_is_ucs4_and_a_null_variable_value_takes_no_bytes()
    {
        RawBlockColumn[] columns = [RawBlockColumn.FromDeclared(TaosDataType.NChar, 2)];
        byte[] block = RawBlockWriter.Write(columns, [["a"], [null], ["b"]]);

        Assert.Equal(4 * 2 + 2, columns[0].Bytes);
        // header 28, schema 5, data length 12, offsets 0/-1/6, then "a" and "b" as u16 4 + UCS-4, then the blankFill byte.
        Assert.Equal("0c000000", Convert.ToHexStringLower(block.AsSpan(33, 4)));
        Assert.Equal("00000000ffffffff06000000", Convert.ToHexStringLower(block.AsSpan(37, 12)));
        Assert.Equal("04006100000004006200000000", Convert.ToHexStringLower(block.AsSpan(49)));
    }

    [Fact]
    public void A_json_column_drops_the_trailing_byte()
    {
        RawBlockColumn[] columns = [RawBlockColumn.FromDeclared(TaosDataType.Json, 4095)];
        byte[] block = RawBlockWriter.Write(columns, [["{\"k\":1}"], [null]]);

        Assert.Equal(16384, columns[0].Bytes);
        Assert.Equal(28 + 5 + 4 + 8 + 2 + 7, block.Length);
        Assert.Equal("{\"k\":1}", RawBlockReader.Read(block).Rows[0][0]);
    }

    [Fact]
    public void A_truncated_block_is_a_format_error()
    {
        byte[] block = Convert.FromHexString(RecordedFrame)[16..];

        Assert.Throws<FormatException>(() => RawBlockReader.Read(block.AsSpan(0, 20)));
        Assert.Throws<FormatException>(() => RawBlockReader.Read(block.AsSpan(0, 100)));
    }

    [Fact]
    public void A_column_of_a_type_without_an_encoding_is_a_format_error()
    {
        byte[] block = RawBlockWriter.Write([new(TaosDataType.Int, 4)], [[1]]);
        block[28] = (byte)TaosDataType.Decimal;

        Assert.Throws<FormatException>(() => RawBlockReader.Read(block));
    }
}
