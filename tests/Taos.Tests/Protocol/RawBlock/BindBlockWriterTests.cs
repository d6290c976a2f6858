using Taos.Protocol.RawBlock;
using Taos.Transport.WebSocket.Stmt;

namespace Taos.Tests.Protocol.RawBlock;

public class BindBlockWriterTests
{
    [Fact]
    public void A_block_of_an_int_and_a_varchar_column_is_laid_out_as_the_spec_says()
    {
        using var ints = new BindColumn(TaosDataType.Int, 4, 2);
        using var texts = new BindColumn(TaosDataType.VarChar, 10, 2);
        ints.Append32(220);
        ints.AppendNull();
        texts.AppendString("ab");
        texts.AppendNull();
        var block = new byte[BindBlockWriter.Measure([ints, texts])];
        Assert.Equal(block.Length, BindBlockWriter.Write([ints, texts], block));

        byte[] expected = Convert.FromHexString(
            "01000000" + "43000000" + "02000000" + "02000000" + "00000000" + "0000000000000000" // version, length 67, rows, cols, flag 0, group
            + "04" + "04000000" + "08" + "00000000"                                           // INT bytes 4, VARCHAR bytes 0
            + "08000000" + "04000000"                                                          // data lengths (LE): 2 × 4, 2 + 2
            + "40" + "DC000000" + "00000000"                                                   // bitmap (row 1 NULL), 220, zero slot
            + "00000000" + "FFFFFFFF" + "0200" + "6162");                                      // offsets 0, -1; "ab"
        Assert.Equal(expected, block);
    }

    [Fact]
    public void Every_type_with_nulls_decodes_back_through_the_shared_reader()
    {
        var types = new (TaosDataType Type, object? Value)[]
        {
            (TaosDataType.Timestamp, 1704067200123456789L), (TaosDataType.Bool, true), (TaosDataType.TinyInt, (sbyte)-5),
            (TaosDataType.SmallInt, (short)-300), (TaosDataType.Int, int.MinValue), (TaosDataType.BigInt, long.MaxValue),
            (TaosDataType.UTinyInt, (byte)250), (TaosDataType.USmallInt, (ushort)65000), (TaosDataType.UInt, uint.MaxValue),
            (TaosDataType.UBigInt, ulong.MaxValue), (TaosDataType.Float, 10.3f), (TaosDataType.Double, -2.5),
            (TaosDataType.VarChar, "héllo"), (TaosDataType.NChar, "涛思😀"), (TaosDataType.Json, "{\"k\":1}"),
            (TaosDataType.VarBinary, new byte[] { 0, 1, 0xff }), (TaosDataType.Geometry, new byte[] { 1, 1, 0, 0, 0 }),
        };
        var columns = types.Select(t => new BindColumn(t.Type, 64, 1)).ToArray();
        try
        {
            for (int row = 0; row < 10; row++)
            {
                for (int c = 0; c < columns.Length; c++)
                {
                    StmtValues.Append(columns[c], row % 3 == 1 ? null : types[c].Value, TaosPrecision.Nanoseconds, null);
                }
            }
            var block = new byte[BindBlockWriter.Measure(columns)];
            BindBlockWriter.Write(columns, block);
            var data = RawBlockReader.Read(block);
            Assert.Equal(0u, data.Flag);
            Assert.Equal(types.Select(t => t.Type), data.Columns.Select(c => c.Type));
            Assert.All(data.Columns, c => Assert.Equal(RawBlockLayout.IsVariable(c.Type) ? 0 : RawBlockLayout.FixedSize(c.Type), c.Bytes));
            Assert.Equal(10, data.Rows.Count);
            for (int row = 0; row < 10; row++)
            {
                for (int c = 0; c < columns.Length; c++)
                {
                    Assert.Equal(row % 3 == 1 ? null : types[c].Value, data.Rows[row][c]);
                }
            }
        }
        finally
        {
            foreach (var column in columns) column.Dispose();
        }
    }

    [Fact]
    public void Columns_grow_past_their_first_buffers_and_truncate_to_a_row_boundary()
    {
        using var fixedColumn = new BindColumn(TaosDataType.BigInt, 8, 1);
        using var text = new BindColumn(TaosDataType.VarChar, 100, 1);
        for (int i = 0; i < 5000; i++)
        {
            fixedColumn.Append64((ulong)i);
            if (i % 7 == 0) text.AppendNull(); else text.AppendString("value" + i);
        }
        fixedColumn.AppendNull();
        text.AppendString("partial");
        fixedColumn.Truncate(5000);
        text.Truncate(5000);
        var block = new byte[BindBlockWriter.Measure([fixedColumn, text])];
        BindBlockWriter.Write([fixedColumn, text], block);
        var data = RawBlockReader.Read(block);
        Assert.Equal(5000, data.Rows.Count);
        Assert.Equal(4999L, data.Rows[4999][0]);
        Assert.Equal("value4999", data.Rows[4999][1]);
        Assert.Null(data.Rows[4998][1]);
        fixedColumn.Clear();
        fixedColumn.Append64(1);
        Assert.Equal(1, fixedColumn.Rows);
        Assert.Equal(8, fixedColumn.DataLength);
    }

    [Fact]
    public void Values_longer_than_the_column_and_uneven_columns_are_refused()
    {
        using var text = new BindColumn(TaosDataType.NChar, 8, 1);
        Assert.Throws<ArgumentException>(() => text.AppendString("abc"));
        text.AppendString("ab");
        using var ints = new BindColumn(TaosDataType.Int, 4, 1);
        Assert.Throws<ArgumentException>(() => BindBlockWriter.Measure([text, ints]));
        Assert.Throws<InvalidOperationException>(() => ints.AppendString("x"));
    }
}
