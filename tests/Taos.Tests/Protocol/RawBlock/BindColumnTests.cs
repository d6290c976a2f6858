using System.Security.Cryptography;
using System.Text;
using Taos.Protocol.RawBlock;
using Taos.Transport.WebSocket.Stmt;

namespace Taos.Tests.Protocol.RawBlock;

/// <summary>
/// The column buffers encode values in one pass straight into their pooled buffers. These tests pin the blocks they
/// make to the bytes of the per-value encoder they replaced (it counted UTF-8 and runes first, then encoded; the
/// SHA-256 constants below are what it produced for the same fills), and check growth, reuse and truncation.
/// </summary>
public class BindColumnTests
{
    private static readonly (TaosDataType Type, int MaxBytes)[] Types =
    [
        (TaosDataType.Timestamp, 8), (TaosDataType.Bool, 1), (TaosDataType.TinyInt, 1), (TaosDataType.SmallInt, 2), (TaosDataType.Int, 4),
        (TaosDataType.BigInt, 8), (TaosDataType.UTinyInt, 1), (TaosDataType.USmallInt, 2), (TaosDataType.UInt, 4), (TaosDataType.UBigInt, 8),
        (TaosDataType.Float, 4), (TaosDataType.Double, 8), (TaosDataType.VarChar, 64), (TaosDataType.NChar, 200), (TaosDataType.Json, 64),
        (TaosDataType.VarBinary, 16), (TaosDataType.Geometry, 32),
    ];

    // Text of every shape: empty, ASCII, Latin, CJK, a surrogate pair, lone surrogates (encoded as U+FFFD), long.
    private static readonly string[] Texts = ["", "a", "héllo", "涛思数据", "😀x", "\uD800lone", "ab\uDC00", new string('z', 40)];

    [Fact]
    public void Every_type_with_nulls_and_unicode_is_encoded_as_the_per_value_encoder_did()
    {
        var columns = NewColumns(1);
        try
        {
            Fill(columns, 0, 20);
            var block = Block(columns);
            Assert.Equal("F9DA374F281349710B5E51C44E9F040374230950D21D0409D29ABEB4C0DF2997", Hash(block));
            var data = RawBlockReader.Read(block);
            Assert.Equal(20, data.Rows.Count);
            for (int row = 0; row < 20; row++)
            {
                for (int c = 0; c < Types.Length; c++)
                {
                    Assert.Equal(Decoded(Value(c, row)), data.Rows[row][c]);
                }
            }
        }
        finally
        {
            Dispose(columns);
        }
    }

    [Fact]
    public void Five_thousand_rows_grow_from_room_for_one_and_encode_as_the_per_value_encoder_did()
    {
        var columns = NewColumns(1);
        try
        {
            Fill(columns, 0, 5000);
            Assert.Equal("B5D29E0E8D6A8C644CED49C0C9C8F27216A60EDCBD387EA691E8D3E13756A58D", Hash(Block(columns)));
        }
        finally
        {
            Dispose(columns);
        }
    }

    [Fact]
    public void A_column_cleared_after_a_large_batch_encodes_its_next_rows_as_a_new_column_does()
    {
        var reused = NewColumns(1);
        var fresh = NewColumns(300);
        try
        {
            Fill(reused, 0, 5000);
            foreach (var column in reused) column.Clear();
            Fill(reused, 17, 300);
            Fill(fresh, 17, 300);
            var block = Block(reused);
            Assert.Equal(Block(fresh), block);
            Assert.Equal("0E0122C907D1B773A4371D1A07858E9542BD0816B3CFABA6E69437F640913FE2", Hash(block));
        }
        finally
        {
            Dispose(reused);
            Dispose(fresh);
        }
    }

    [Fact]
    public void A_row_dropped_midway_leaves_the_columns_as_if_it_never_was()
    {
        var truncated = NewColumns(8);
        var straight = NewColumns(8);
        try
        {
            Fill(truncated, 0, 100);
            for (int c = 0; c < 13; c++)
            {
                StmtValues.Append(truncated[c], Value(c, 999), TaosPrecision.Nanoseconds, null);
            }
            foreach (var column in truncated) column.Truncate(100);
            Fill(truncated, 100, 100);
            Fill(straight, 0, 200);
            Assert.Equal(Block(straight), Block(truncated));
        }
        finally
        {
            Dispose(truncated);
            Dispose(straight);
        }
    }

    [Fact]
    public void Unicode_text_is_UTF8_in_VARCHAR_and_UCS4_in_NCHAR_byte_for_byte()
    {
        using var varchar = new BindColumn(TaosDataType.VarChar, 16, 1);
        using var nchar = new BindColumn(TaosDataType.NChar, 16, 1);
        using var varbinary = new BindColumn(TaosDataType.VarBinary, 4, 1);
        varchar.AppendString("é😀");
        varchar.AppendNull();
        varchar.AppendString("\uD800");
        nchar.AppendString("涛😀");
        nchar.AppendNull();
        nchar.AppendString("\uDC00");
        varbinary.AppendBytes([0xAB]);
        varbinary.AppendNull();
        varbinary.AppendBytes([]);
        var block = new byte[BindBlockWriter.Measure([varchar, nchar, varbinary])];
        BindBlockWriter.Write([varchar, nchar, varbinary], block);
        byte[] expected = Convert.FromHexString(
            "01000000" + "7D000000" + "03000000" + "03000000" + "00000000" + "0000000000000000" // version, length 125, 3 rows, 3 cols
            + "08" + "00000000" + "0A" + "00000000" + "10" + "00000000"                        // VARCHAR, NCHAR, VARBINARY: bytes 0
            + "0D000000" + "10000000" + "05000000"                                               // data lengths 13, 16, 5
            + "00000000" + "FFFFFFFF" + "08000000"                                               // VARCHAR offsets
            + "0600" + "C3A9" + "F09F9880" + "0300" + "EFBFBD"                                   // "é😀", lone high surrogate → U+FFFD
            + "00000000" + "FFFFFFFF" + "0A000000"                                               // NCHAR offsets
            + "0800" + "9B6D0000" + "00F60100" + "0400" + "FDFF0000"                             // "涛😀" as UCS-4, lone low surrogate → U+FFFD
            + "00000000" + "FFFFFFFF" + "03000000"                                               // VARBINARY offsets
            + "0100" + "AB" + "0000");                                                           // 0xAB, empty
        Assert.Equal(expected, block);
    }

    [Fact]
    public void Text_longer_than_its_column_is_refused_with_its_exact_length_and_leaves_the_column_as_it_was()
    {
        using var varchar = new BindColumn(TaosDataType.VarChar, 4, 1);
        using var nchar = new BindColumn(TaosDataType.NChar, 8, 1);
        varchar.AppendString("涛a");
        nchar.AppendString("a😀");
        Assert.Contains("takes 6 bytes, more than the 4", Assert.Throws<ArgumentException>(() => varchar.AppendString("涛思")).Message);
        Assert.Contains("takes 5 bytes", Assert.Throws<ArgumentException>(() => varchar.AppendString("abcde")).Message);
        Assert.Contains("takes 12 bytes, more than the 8", Assert.Throws<ArgumentException>(() => nchar.AppendString("abc")).Message);
        Assert.Contains("takes 12 bytes", Assert.Throws<ArgumentException>(() => nchar.AppendString("😀😀😀")).Message);
        Assert.Contains("takes 5 bytes", Assert.Throws<ArgumentException>(() => varchar.AppendBytes([1, 2, 3, 4, 5])).Message);
        Assert.Equal((1, 1), (varchar.Rows, nchar.Rows));
        var block = new byte[BindBlockWriter.Measure([varchar, nchar])];
        BindBlockWriter.Write([varchar, nchar], block);
        var row = Assert.Single(RawBlockReader.Read(block).Rows);
        Assert.Equal(["涛a", "a😀"], row);
    }

    [Fact]
    public void A_value_of_the_wrong_width_is_a_misuse()
    {
        using var ints = new BindColumn(TaosDataType.Int, 4, 1);
        using var text = new BindColumn(TaosDataType.VarChar, 8, 1);
        Assert.Throws<InvalidOperationException>(() => ints.Append64(1));
        Assert.Throws<InvalidOperationException>(() => ints.Append8(1));
        Assert.Throws<InvalidOperationException>(() => ints.AppendBytes([1]));
        Assert.Throws<InvalidOperationException>(() => text.Append32(1));
        Assert.Equal((0, 0), (ints.Rows, text.Rows));
    }

    private static BindColumn[] NewColumns(int rows) => [.. Types.Select(t => new BindColumn(t.Type, t.MaxBytes, rows))];

    private static void Fill(BindColumn[] columns, int from, int count)
    {
        for (int row = from; row < from + count; row++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                StmtValues.Append(columns[c], Value(c, row), TaosPrecision.Nanoseconds, null);
            }
        }
    }

    private static object? Value(int column, int row) => row % 7 == 3 ? null : Types[column].Type switch
    {
        TaosDataType.Timestamp => 1704067200123456789L + row,
        TaosDataType.Bool => row % 2 == 0,
        TaosDataType.TinyInt => (sbyte)((row % 256) - 128),
        TaosDataType.SmallInt => (short)((row * 7 % 60000) - 30000),
        TaosDataType.Int => (row * 100_003) - 1_000_000,
        TaosDataType.BigInt => (row * 1_000_000_007L) - (long.MaxValue / 2),
        TaosDataType.UTinyInt => (byte)(row % 256),
        TaosDataType.USmallInt => (ushort)(row % 65536),
        TaosDataType.UInt => unchecked((uint)row * 2_654_435_761u),
        TaosDataType.UBigInt => ulong.MaxValue - (ulong)row,
        TaosDataType.Float => (row * 0.25f) - 3.5f,
        TaosDataType.Double => row / 3.0,
        TaosDataType.VarChar => Texts[row % Texts.Length],
        TaosDataType.NChar => Texts[(row + 3) % Texts.Length],
        TaosDataType.Json => "{\"k\":" + row + "}",
        TaosDataType.VarBinary => Enumerable.Range(0, row % 9).Select(i => (byte)(row + i)).ToArray(),
        _ => new byte[] { 1, 1, 0, 0, 0, (byte)row, (byte)(row >> 8), 0, 0, 0, 0, 0, 0, 0xf0, 0x3f },
    };

    // What a block read back gives for a value: text with lone surrogates has U+FFFD in their place.
    private static object? Decoded(object? value) => value is string text ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : value;

    private static byte[] Block(BindColumn[] columns)
    {
        var block = new byte[BindBlockWriter.Measure(columns)];
        Assert.Equal(block.Length, BindBlockWriter.Write(columns, block));
        return block;
    }

    private static string Hash(byte[] block) => Convert.ToHexString(SHA256.HashData(block));

    private static void Dispose(BindColumn[] columns)
    {
        foreach (var column in columns) column.Dispose();
    }
}
