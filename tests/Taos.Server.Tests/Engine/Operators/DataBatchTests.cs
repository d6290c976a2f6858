using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Tests.Engine.Operators;

public class DataBatchTests
{
    private static DataBatch Batch()
    {
        var columns = new ColumnBatch([TaosDataType.Timestamp, TaosDataType.Int], 8);
        for (int i = 0; i < 8; i++)
        {
            columns.Columns[0].SetValue(i, 100L + i);
            columns.Columns[1].SetValue(i, i % 3 == 0 ? null : i);
        }
        // Schema of three columns of which the scan read 0 and 2.
        var batch = new DataBatch(3, 0) { Vectors = [columns.Columns[0], null, columns.Columns[1]], Count = 8 };
        batch.SelectAll();
        return batch;
    }

    [Fact]
    public void Selections_narrow_and_ranges_select_physical_rows()
    {
        var batch = Batch();
        batch.Retain(row => row % 2 == 0);
        Assert.Equal([0, 2, 4, 6], Enumerable.Range(0, batch.Length).Select(batch.RowAt));
        batch.Retain(row => row > 2);
        Assert.Equal([4, 6], Enumerable.Range(0, batch.Length).Select(batch.RowAt));
        batch.SelectRange(5, 8);
        Assert.Equal([5, 6, 7], Enumerable.Range(0, batch.Length).Select(batch.RowAt));
    }

    [Fact]
    public void A_row_is_read_positioned_or_copied_out_with_unread_columns_null()
    {
        var batch = Batch();
        var ctx = new EvalContext();
        batch.Position(ctx, 4);
        Assert.Equal(104L, ctx.Column(0));
        Assert.Equal(4, ctx.Column(2));
        Assert.Equal(104L, batch.TsAt(4, -1));
        Assert.Equal([105L, null, 5], batch.Materialize(5));
        Assert.Equal([103L, null, null], batch.Materialize(3));
        Assert.Equal([104L, null, 4], ctx.CurrentRow());
    }
}
