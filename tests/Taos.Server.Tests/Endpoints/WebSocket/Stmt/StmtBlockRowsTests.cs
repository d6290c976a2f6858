using System.Buffers.Binary;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>
/// <see cref="StmtBlockRows"/> decodes and checks a bind block in one pass with exactly the outcome of the two-pass
/// way (decode the whole block with <see cref="StmtBlockReader.Read"/>, spread each row to the schema, then
/// <see cref="BoundValues.CheckRow"/> row by row): the same rows, or the same error (type, code, message) — for every
/// type, NULLs, partial and reordered column lists, values too long (invalid UTF-8 too), NULL timestamps, wrong types,
/// and blocks truncated or corrupted anywhere.
/// </summary>
public sealed class StmtBlockRowsTests
{
    private static readonly ColumnInfo[] Schema =
    [
        new("ts", TaosDataType.Timestamp, 8), new("b", TaosDataType.Bool, 1), new("ti", TaosDataType.TinyInt, 1),
        new("si", TaosDataType.SmallInt, 2), new("i", TaosDataType.Int, 4), new("bi", TaosDataType.BigInt, 8),
        new("uti", TaosDataType.UTinyInt, 1), new("usi", TaosDataType.USmallInt, 2), new("ui", TaosDataType.UInt, 4),
        new("ubi", TaosDataType.UBigInt, 8), new("f", TaosDataType.Float, 4), new("d", TaosDataType.Double, 8),
        new("s", TaosDataType.VarChar, 6), new("n", TaosDataType.NChar, 3), new("vb", TaosDataType.VarBinary, 4),
        new("g", TaosDataType.Geometry, 30),
    ];

    private static readonly DatabaseInfo Database = new("d", TaosPrecision.Milliseconds, new Dictionary<string, string>());

    private static BoundTarget Target(params int[] columns) =>
        new(Database, "t", Schema, [], null, columns.Length == 0 ? Enumerable.Range(0, Schema.Length).ToArray() : columns, []);

    private static object?[] Row(int i) =>
    [
        1700000000000L + i, i % 2 == 0, (sbyte)-i, (short)(i * 100), int.MinValue + i, long.MaxValue - i, (byte)i, (ushort)(i * 7),
        uint.MaxValue - (uint)i, ulong.MaxValue - (ulong)i, i * 0.5f, i * 0.25, i % 3 == 0 ? "ñ涛" : "ab" + i, i % 2 == 0 ? "涛😀" : "xyz",
        new byte[] { (byte)i, 0 }, new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
    ];

    private static object?[] NullRow(int i) => [1700000000000L + i, .. Enumerable.Repeat<object?>(null, Schema.Length - 1)];

    private static byte[] Block(BoundTarget target, IEnumerable<object?[]> wideRows) =>
        ClientBlock.Build(target.Columns.Select(c => Schema[c].Type).ToArray(),
            wideRows.Select(row => target.Columns.Select(c => row[c]).ToArray()).ToArray());

    /// <summary>The two-pass way, as the bind did it before.</summary>
    private static object?[][] TwoPass(byte[] block, BoundTarget target)
    {
        var data = StmtBlockReader.Read(block, target.BoundColumns.Select(c => c.Type).ToList());
        var rows = new object?[data.Rows.Count][];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = new object?[Schema.Length];
            for (int i = 0; i < target.Columns.Count; i++) rows[r][target.Columns[i]] = data.Rows[r][i];
        }
        foreach (var row in rows) BoundValues.CheckRow(target.Schema, target.Columns, row);
        return rows;
    }

    private static object Outcome(Func<object?[][]> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or TaosServerException)
        {
            return (ex.GetType().Name, (ex as TaosServerException)?.Code, ex.Message);
        }
    }

    private static void AssertSame(byte[] block, BoundTarget target)
    {
        var expected = Outcome(() => TwoPass(block, target));
        var actual = Outcome(() => StmtBlockRows.Read(block, target));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_type_with_nulls_decodes_into_schema_wide_rows()
    {
        var target = Target();
        var rows = Enumerable.Range(0, 20).Select(i => i % 5 == 4 ? NullRow(i) : Row(i)).ToList();
        var read = StmtBlockRows.Read(Block(target, rows), target);
        Assert.Equal(rows, read);
        AssertSame(Block(target, rows), target);
    }

    [Fact]
    public void A_partial_reordered_column_list_fills_only_its_columns()
    {
        var target = Target(0, 13, 4, 12);
        var rows = Enumerable.Range(0, 9).Select(Row).ToList();
        var read = StmtBlockRows.Read(Block(target, rows), target);
        for (int r = 0; r < rows.Count; r++)
        {
            Assert.Equal(Enumerable.Range(0, Schema.Length).Select(c => c is 0 or 13 or 4 or 12 ? rows[r][c] : null), read[r]);
        }
        AssertSame(Block(target, rows), target);
    }

    [Fact]
    public void The_first_bad_value_in_row_order_fails_the_bind()
    {
        var target = Target();
        var rows = Enumerable.Range(0, 12).Select(Row).ToList();
        rows[7][12] = "seven!!";
        rows[5][15] = new byte[31];
        rows[5][13] = "four";
        rows[9][0] = null;
        rows[6][14] = new byte[5];
        var error = Assert.Throws<TaosServerException>(() => StmtBlockRows.Read(Block(target, rows), target));
        Assert.Equal((9811, "Value too long for column/tag: n"), (error.Code, error.Message));
        AssertSame(Block(target, rows), target);
        rows[5] = Row(5);
        AssertSame(Block(target, rows), target);
        rows[6] = Row(6);
        AssertSame(Block(target, rows), target);
        rows[7] = Row(7);
        var nullTs = Assert.Throws<TaosServerException>(() => StmtBlockRows.Read(Block(target, rows), target));
        Assert.Equal(512, nullTs.Code);
        AssertSame(Block(target, rows), target);
    }

    [Fact]
    public void Text_is_measured_as_decoded_invalid_utf8_included()
    {
        var target = Target(0, 12);
        // Six bytes of valid UTF-8 fit varchar(6); four 0xFF bytes decode to four U+FFFD, twelve bytes: too long.
        foreach (byte[] text in new[] { "ñ涛a"u8.ToArray(), new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, new byte[] { 0xE6, 0xB6, 0x9B, 0xE6, 0xB6 } })
        {
            var block = Block(target, [[1700000000000L, null, null, null, null, null, null, null, null, null, null, null, new string('Q', text.Length)]]);
            int at = block.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(new string('Q', text.Length)));
            text.CopyTo(block, at);
            AssertSame(block, target);
        }
    }

    [Fact]
    public void A_column_of_another_type_answers_the_type_mismatch()
    {
        var target = Target(0, 4);
        var block = ClientBlock.Build([TaosDataType.Timestamp, TaosDataType.BigInt], [1700000000000L, 5L]);
        var error = Assert.Throws<TaosServerException>(() => StmtBlockRows.Read(block, target));
        Assert.Equal((65535, "stmt column type not match: column 1 is BigInt, the statement wants Int"), (error.Code, error.Message));
        AssertSame(block, target);
    }

    [Fact]
    public void Truncated_and_corrupted_blocks_fail_or_decode_exactly_as_before()
    {
        var target = Target();
        var rows = Enumerable.Range(0, 10).Select(i => i % 4 == 3 ? NullRow(i) : Row(i)).ToList();
        var block = Block(target, rows);
        for (int length = 0; length < block.Length; length++)
        {
            var cut = block[..length];
            if (length >= 8) BinaryPrimitives.WriteInt32LittleEndian(cut.AsSpan(4), length);
            AssertSame(cut, target);
        }
        var random = new Random(16);
        for (int i = 0; i < 3000; i++)
        {
            var bad = (byte[])block.Clone();
            for (int k = random.Next(1, 4); k > 0; k--)
            {
                // Anything but the column count, which the bind checks against the statement before it reads the block.
                int at = random.Next(4, bad.Length - 4);
                bad[at < 12 ? at : at + 4] = (byte)random.Next(256);
            }
            AssertSame(bad, target);
        }
    }
}
