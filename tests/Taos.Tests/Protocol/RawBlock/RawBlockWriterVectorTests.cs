using Taos.Protocol.RawBlock;

namespace Taos.Tests.Protocol.RawBlock;

/// <summary>The writer's typed-vector path gives the very bytes of its row path.</summary>
public class RawBlockWriterVectorTests
{
    private static readonly RawBlockColumn[] EveryType =
    [
        new(TaosDataType.Timestamp, 8), new(TaosDataType.Bool, 1), new(TaosDataType.TinyInt, 1), new(TaosDataType.SmallInt, 2),
        new(TaosDataType.Int, 4), new(TaosDataType.BigInt, 8), new(TaosDataType.UTinyInt, 1), new(TaosDataType.USmallInt, 2),
        new(TaosDataType.UInt, 4), new(TaosDataType.UBigInt, 8), new(TaosDataType.Float, 4), new(TaosDataType.Double, 8),
        RawBlockColumn.FromDeclared(TaosDataType.VarChar, 10), RawBlockColumn.FromDeclared(TaosDataType.NChar, 5),
        RawBlockColumn.FromDeclared(TaosDataType.VarBinary, 4), RawBlockColumn.FromDeclared(TaosDataType.Geometry, 30),
    ];

    private static readonly object?[][] EveryTypeRows =
    [
        [1L, true, (sbyte)-1, (short)-2, -3, -4L, (byte)255, (ushort)65535, uint.MaxValue, ulong.MaxValue, 1.5f, -2.25, "abc", "中文😀", new byte[] { 1, 2 }, new byte[] { 1, 1, 0, 0, 0 }],
        [2L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [3L, false, (sbyte)127, short.MaxValue, int.MinValue, long.MaxValue, (byte)0, (ushort)0, 0u, 0ul, float.NaN, double.MaxValue, "", "", Array.Empty<byte>(), new byte[] { 9 }],
        [4L, true, sbyte.MinValue, short.MinValue, int.MaxValue, long.MinValue, (byte)1, (ushort)1, 1u, 1ul, -0.0f, double.Epsilon, "é", "x", new byte[] { 0 }, null],
    ];

    [Fact]
    public void Every_type_with_nulls_encodes_as_the_row_path_does_into_a_dirty_reused_buffer()
    {
        byte[] expected = RawBlockWriter.Write(EveryType, EveryTypeRows);
        // A larger buffer full of garbage: every byte of the block must be written, none left over.
        byte[] buffer = new byte[expected.Length + 100];
        Array.Fill(buffer, (byte)0xAB);
        byte[] kept = buffer;

        int used = RawBlockWriter.Write(EveryType, Vectors(EveryType, EveryTypeRows, capacity: 10), EveryTypeRows.Length, ref buffer, reserve: 16);

        Assert.Same(kept, buffer);
        Assert.Equal(16 + expected.Length, used);
        Assert.Equal(expected, buffer[16..used]);
    }

    [Fact]
    public void Only_the_first_count_values_are_encoded_and_a_small_buffer_is_replaced()
    {
        var vectors = Vectors(EveryType, EveryTypeRows, capacity: EveryTypeRows.Length);
        byte[] buffer = new byte[8];

        int used = RawBlockWriter.Write(EveryType, vectors, 2, ref buffer, reserve: 0);

        Assert.Equal(RawBlockWriter.Write(EveryType, EveryTypeRows[..2]), buffer[..used]);
        Assert.Equal(used, buffer.Length);
    }

    [Fact]
    public void A_recorded_block_re_encodes_byte_for_byte_from_vectors()
    {
        // ws.jsonl:14, as in RawBlockTests.
        byte[] block = Convert.FromHexString(
            "e68b000000000000010000000000000001000000df000000030000000600000000000080000000000000000009080000000604000000040400000006040000000404000000081a000000180000000c0000000c0000000c0000000c000000330000000000f451c28c01000000f451c28c010000e8f751c28c01000000cdcc24410000803fcdcc3c4100db00000001000000dd0000000052b89e3e0000803f295c8f3e0002000000040000000300000000000000190000001c000000170043616c69666f726e69612e53616e4672616e636973636f010058150043616c69666f726e69612e4c6f73416e67656c657300")[16..];
        var data = RawBlockReader.Read(block);
        byte[] buffer = [];

        int used = RawBlockWriter.Write(data.Columns, Vectors(data.Columns, data.Rows, data.Rows.Count), data.Rows.Count, ref buffer, reserve: 0);

        Assert.Equal(block, buffer[..used]);
    }

    [Fact]
    public void A_json_column_drops_the_trailing_byte_as_in_the_row_path()
    {
        RawBlockColumn[] columns = [RawBlockColumn.FromDeclared(TaosDataType.Json, 4095)];
        object?[][] rows = [["{\"k\":1}"], [null]];
        byte[] buffer = [];

        int used = RawBlockWriter.Write(columns, Vectors(columns, rows, 2), 2, ref buffer, reserve: 0);

        Assert.Equal(RawBlockWriter.Write(columns, rows), buffer[..used]);
    }

    [Fact]
    public void Bad_vectors_are_argument_errors()
    {
        RawBlockColumn[] columns = [RawBlockColumn.FromDeclared(TaosDataType.VarChar, 10), new(TaosDataType.Int, 4)];
        object?[][] rows = [["a", 1]];
        byte[] buffer = [];

        // Fewer vectors than columns; fewer values than rows; a value longer than a block holds; a value of the wrong type.
        Assert.Throws<ArgumentException>(() => RawBlockWriter.Write(columns, Vectors(columns[..1], rows, 1), 1, ref buffer, 0));
        Assert.Throws<ArgumentException>(() => RawBlockWriter.Write(columns, Vectors(columns, rows, 1), 2, ref buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RawBlockWriter.Write(columns, Vectors(columns, rows, 1), -1, ref buffer, 0));
        Assert.Throws<ArgumentException>(() => RawBlockWriter.Write(columns, Vectors(columns, [[new string('x', 70000), 1]], 1), 1, ref buffer, 0));
        var wrongType = Vectors(columns, rows, 1);
        wrongType[0].Objects[0] = 42;
        Assert.Throws<InvalidCastException>(() => RawBlockWriter.Write(columns, wrongType, 1, ref buffer, 0));
    }

    /// <summary>The rows' values as typed vectors (the convention <see cref="RawBlockVector"/> documents), arrays of <paramref name="capacity"/>.</summary>
    private static RawBlockVector[] Vectors(IReadOnlyList<RawBlockColumn> columns, IReadOnlyList<object?[]> rows, int capacity)
    {
        var vectors = new RawBlockVector[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            var type = columns[c].Type;
            bool variable = RawBlockLayout.IsVariable(type);
            bool real = type is TaosDataType.Float or TaosDataType.Double;
            var vector = new RawBlockVector(
                new bool[capacity], variable || real ? [] : new long[capacity], real ? new double[capacity] : [], variable ? new object?[capacity] : []);
            // Stale values behind NULLs (99, "stale") must not reach the block.
            for (int r = 0; r < rows.Count; r++)
            {
                object? value = rows[r][c];
                vector.Nulls[r] = value is null;
                if (variable) vector.Objects[r] = value ?? "stale";
                else if (real) vector.Doubles[r] = value is null ? 99 : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                else vector.Longs[r] = value switch
                {
                    null => 99,
                    bool b => b ? 1 : 0,
                    ulong u => unchecked((long)u),
                    _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
                };
            }
            vectors[c] = vector;
        }
        return vectors;
    }
}
