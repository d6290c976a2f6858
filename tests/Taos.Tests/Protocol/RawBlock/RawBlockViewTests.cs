using System.Globalization;
using System.Buffers.Binary;
using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Tests.Transport.WebSocket;

namespace Taos.Tests.Protocol.RawBlock;

/// <summary>
/// The client's in-place block reader: the recorded blocks read to the values <see cref="RawBlockReader"/> decodes,
/// and malformed blocks (truncated, lying lengths, bad offsets, unknown types, random corruption) are a
/// <see cref="TaosException"/>, never an out-of-range read.
/// </summary>
public class RawBlockViewTests
{
    private const string AllTypes = "select * from power.all_types order by tbname, ts";

    private static byte[] AllTypesBlock() => RecordedWsScript.Blocks("ws.jsonl", AllTypes)[0][16..];

    [Theory]
    [InlineData("select * from power.all_types order by tbname, ts")]
    [InlineData("select * from power.all_tag_types")]
    [InlineData("select * from test_us.meters")]
    [InlineData("select * from meters order by ts, tbname limit 3")]
    public void Recorded_blocks_read_in_place_to_what_the_full_decoder_reads(string sql)
    {
        byte[] block = RecordedWsScript.Blocks("ws.jsonl", sql)[0][16..];
        var decoded = RawBlockReader.Read(block);
        var view = RawBlockView.Parse(block, 0, block.Length);
        Assert.Equal(decoded.Rows.Count, view.Rows);
        Assert.Equal(decoded.Columns.Count, view.Columns);
        var values = new TaosValue[view.Columns];
        for (int r = 0; r < view.Rows; r++)
        {
            view.Fill(r, values, TaosPrecision.Milliseconds, null);
            for (int c = 0; c < view.Columns; c++)
            {
                Assert.Equal(decoded.Rows[r][c] is null, view.IsNull(r, c));
                Assert.Equal(decoded.Rows[r][c], Plain(values[c], view.TypeOf(c)));
            }
        }
    }

    [Theory]
    [InlineData("select * from power.all_types order by tbname, ts")]
    [InlineData("select * from power.all_tag_types")]
    [InlineData("select * from test_us.meters")]
    public void The_accessors_read_each_value_in_place_as_the_full_decoder_reads_it(string sql)
    {
        byte[] block = RecordedWsScript.Blocks("ws.jsonl", sql)[0][16..];
        var decoded = RawBlockReader.Read(block);
        var view = RawBlockView.Parse(block, 0, block.Length);
        for (int r = 0; r < view.Rows; r++)
        {
            for (int c = 0; c < view.Columns; c++)
            {
                object? expected = decoded.Rows[r][c];
                var type = view.TypeOf(c);
                if (RawBlockLayout.IsVariable(type))
                {
                    Assert.Equal(expected is null, view.IsNull(r, c));
                    var cell = default(TaosValue);
                    view.Read(r, c, ref cell, TaosPrecision.Milliseconds, null);
                    if (type is TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json) Assert.Equal(expected, view.Text(r, c));
                    else Assert.Equal(expected, cell.IsNull ? null : cell.Slice.ToArray());
                    continue;
                }
                bool hasValue = type is TaosDataType.Float or TaosDataType.Double
                    ? view.TryReal(r, c, out double real)
                    : view.TryInteger(r, c, out long integer);
                Assert.Equal(expected is not null, hasValue);
                if (expected is null) continue;
                object? read = type switch
                {
                    TaosDataType.Float => (float)(view.TryReal(r, c, out double f) ? f : 0),
                    TaosDataType.Double => view.TryReal(r, c, out double d) ? d : 0,
                    TaosDataType.Bool => view.TryInteger(r, c, out long b) && b != 0,
                    TaosDataType.UBigInt => view.TryInteger(r, c, out long u) ? unchecked((ulong)u) : 0,
                    _ => view.TryInteger(r, c, out long i) ? i : 0,
                };
                Assert.Equal(Convert.ToString(expected, CultureInfo.InvariantCulture), Convert.ToString(read, CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void An_accessor_of_the_wrong_kind_is_a_TaosException_and_a_row_outside_the_block_an_ArgumentOutOfRangeException()
    {
        byte[] block = AllTypesBlock();
        var view = RawBlockView.Parse(block, 0, block.Length);
        Assert.Contains("malformed raw block", Assert.Throws<TaosException>(() => view.TryInteger(0, 13, out _)).Message);
        Assert.Contains("malformed raw block", Assert.Throws<TaosException>(() => view.TryInteger(0, 10, out _)).Message);
        Assert.Null(view.Text(0, 4));
        Assert.Null(view.Text(0, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => view.TryInteger(view.Rows, 4, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => view.IsNull(-1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => view.Text(view.Rows, 13));
    }

    [Fact]
    public void A_column_without_NULL_and_one_with_NULL_in_the_same_block_read_right()
    {
        var rows = new List<object?[]>();
        for (int i = 0; i < 20; i++)
        {
            rows.Add([(long)i, i % 3 == 0 ? null : i]);
        }
        byte[] block = RawBlockWriter.Write([new RawBlockColumn(TaosDataType.BigInt, 8), new RawBlockColumn(TaosDataType.Int, 4)], rows);
        var view = RawBlockView.Parse(block, 0, block.Length);
        for (int r = 0; r < 20; r++)
        {
            Assert.False(view.IsNull(r, 0));
            Assert.True(view.TryInteger(r, 0, out long v) && v == r);
            Assert.Equal(r % 3 == 0, view.IsNull(r, 1));
            Assert.Equal(r % 3 != 0, view.TryInteger(r, 1, out long w) && w == r);
        }
    }

    [Fact]
    public void Text_and_bytes_stay_in_the_block_until_asked_for()
    {
        byte[] block = AllTypesBlock();
        var view = RawBlockView.Parse(block, 0, block.Length);
        var values = new TaosValue[view.Columns];
        view.Fill(0, values, TaosPrecision.Milliseconds, null);
        Assert.Equal(TaosValueKind.Utf8Slice, values[13].Kind);
        Assert.Same(block, values[13].Ref);
        Assert.Equal(TaosValueKind.Ucs4Slice, values[14].Kind);
        Assert.Equal("涛思数据", values[14].Object);
        Assert.Equal(TaosValueKind.BytesSlice, values[15].Kind);
        Assert.Equal(new byte[] { 0x01, 0x02, 0xab, 0xcd }, values[15].Slice.ToArray());
    }

    [Fact]
    public void Every_truncation_of_a_recorded_block_is_a_TaosException()
    {
        byte[] block = AllTypesBlock();
        for (int length = 0; length < block.Length; length++)
        {
            var e = Assert.Throws<TaosException>(() => RawBlockView.Parse(block, 0, length));
            Assert.Contains("malformed raw block", e.Message);
        }
    }

    [Theory]
    [InlineData(8, -1, "negative row")]
    [InlineData(12, -3, "negative row or column")]
    [InlineData(12, 100000, "columns do not fit")]
    [InlineData(4, 5000, "does not fit")]
    public void Lying_header_fields_are_a_TaosException(int offset, int value, string message)
    {
        byte[] block = AllTypesBlock();
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(offset), value);
        var e = Assert.Throws<TaosException>(() => RawBlockView.Parse(block, 0, block.Length));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void An_unknown_type_code_a_wrong_data_length_and_bad_offsets_are_TaosExceptions()
    {
        byte[] unknown = AllTypesBlock();
        unknown[RawBlockLayout.HeaderSize] = 17;
        Assert.Contains("type code 17", Assert.Throws<TaosException>(() => RawBlockView.Parse(unknown, 0, unknown.Length)).Message);

        byte[] length = AllTypesBlock();
        int lengths = RawBlockLayout.HeaderSize + (18 * RawBlockLayout.SchemaEntrySize);
        BinaryPrimitives.WriteInt32LittleEndian(length.AsSpan(lengths), 31);
        Assert.Contains("data bytes", Assert.Throws<TaosException>(() => RawBlockView.Parse(length, 0, length.Length)).Message);

        byte[] offset = AllTypesBlock();
        int firstOffset = OffsetsOf(offset, 12);
        BinaryPrimitives.WriteInt32LittleEndian(offset.AsSpan(firstOffset), 1000);
        Assert.Contains("offset 1000", Assert.Throws<TaosException>(() => RawBlockView.Parse(offset, 0, offset.Length)).Message);

        byte[] size = AllTypesBlock();
        int values = OffsetsOf(size, 12) + (4 * 4);
        BinaryPrimitives.WriteUInt16LittleEndian(size.AsSpan(values), 60000);
        Assert.Contains("past the end", Assert.Throws<TaosException>(() => RawBlockView.Parse(size, 0, size.Length)).Message);
    }

    [Fact]
    public void Random_corruption_reads_or_throws_TaosException_but_never_reads_out_of_range()
    {
        byte[] original = AllTypesBlock();
        var random = new Random(20261130);
        int parsed = 0, rejected = 0;
        for (int round = 0; round < 5000; round++)
        {
            byte[] block = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                block[random.Next(block.Length)] = (byte)random.Next(256);
            }
            try
            {
                var view = RawBlockView.Parse(block, 0, block.Length);
                var row = new TaosValue[view.Columns];
                for (int r = 0; r < view.Rows; r++)
                {
                    view.Fill(r, row, TaosPrecision.Nanoseconds, TimeZoneInfo.Utc);
                    foreach (var value in row) _ = value.Object;
                    for (int c = 0; c < view.Columns; c++)
                    {
                        if (RawBlockLayout.IsVariable(view.TypeOf(c))) _ = view.Text(r, c);
                        else if (view.TypeOf(c) is TaosDataType.Float or TaosDataType.Double) _ = view.TryReal(r, c, out _);
                        else _ = view.TryInteger(r, c, out _);
                    }
                }
                parsed++;
            }
            catch (TaosException)
            {
                rejected++;
            }
        }
        Assert.True(parsed > 0 && rejected > 0, $"parsed {parsed}, rejected {rejected}");
    }

    // Where the offsets array of variable column `column` starts (columns before it are walked by their lengths).
    private static int OffsetsOf(byte[] block, int column)
    {
        int rows = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(8));
        int cols = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(12));
        int at = RawBlockLayout.HeaderSize + (cols * (RawBlockLayout.SchemaEntrySize + 4));
        for (int c = 0; c < column; c++)
        {
            var type = (TaosDataType)block[RawBlockLayout.HeaderSize + (c * RawBlockLayout.SchemaEntrySize)];
            int data = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(RawBlockLayout.HeaderSize + (cols * RawBlockLayout.SchemaEntrySize) + (4 * c)));
            at += (RawBlockLayout.IsVariable(type) ? 4 * rows : RawBlockLayout.BitmapSize(rows)) + data;
        }
        return at;
    }

    // A value as RawBlockReader gives it.
    private static object? Plain(TaosValue value, TaosDataType type) => value.Kind switch
    {
        TaosValueKind.Null => null,
        TaosValueKind.Bool => value.Int64 != 0,
        TaosValueKind.Float => (float)value.Double,
        TaosValueKind.Double => value.Double,
        TaosValueKind.Timestamp => value.Int64,
        TaosValueKind.Int64 or TaosValueKind.UInt64 => type switch
        {
            TaosDataType.TinyInt => (sbyte)value.Int64,
            TaosDataType.SmallInt => (short)value.Int64,
            TaosDataType.Int => (int)value.Int64,
            TaosDataType.UTinyInt => (byte)value.Int64,
            TaosDataType.USmallInt => (ushort)value.Int64,
            TaosDataType.UInt => (uint)value.Int64,
            TaosDataType.UBigInt => value.UInt64,
            _ => value.Int64,
        },
        _ => value.Object,
    };
}
