using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Operators.Aggregates;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Tests.Engine.Operators.Aggregates;

/// <summary>The typed batch paths of the common aggregates give exactly what adding the rows one by one gives.</summary>
public class AccumulatorBatchTests
{
    private static readonly TaosDataType[] Types =
        [TaosDataType.Timestamp, TaosDataType.Int, TaosDataType.Float, TaosDataType.UBigInt, TaosDataType.BigInt, TaosDataType.Double];

    private static (DataBatch Batch, List<object?[]> Rows) Data(int n, int seed, bool ascending = true)
    {
        var random = new Random(seed);
        var rows = new List<object?[]>();
        for (int i = 0; i < n; i++)
        {
            long ts = ascending ? 1_000 + i * 10 : 1_000 + random.Next(0, n / 2) * 10;
            rows.Add(
            [
                ts,
                random.Next(5) == 0 ? null : random.Next(-1000, 1000),
                random.Next(5) == 0 ? null : (float)(random.NextDouble() * 100 - 50),
                random.Next(5) == 0 ? null : (ulong)random.NextInt64() * 3,
                random.Next(5) == 0 ? null : random.NextInt64(long.MinValue / 4, long.MaxValue / 4),
                random.Next(5) == 0 ? null : random.NextDouble() * 1e6,
            ]);
        }
        var columnBatch = new ColumnBatch(Types, n);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < Types.Length; c++) columnBatch.Columns[c].SetValue(r, rows[r][c]);
        }
        columnBatch.Count = n;
        var batch = new DataBatch(Types.Length, 0) { Vectors = columnBatch.Columns, Count = n };
        batch.SelectAll();
        return (batch, rows);
    }

    private static CExpr Column(int index) => new()
    {
        Type = Types[index], Length = 8, Eval = c => c.Column(index), UsesColumns = true,
        Slot = new SourceColumn("c" + index, Types[index], 8, SlotKind.Column, index),
    };

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { AggKind.Count, AggKind.Avg, AggKind.Sum, AggKind.Min, AggKind.Max, AggKind.First, AggKind.Last, AggKind.LastRow, AggKind.Spread })
        {
            for (int column = 1; column < Types.Length; column++) data.Add(kind.ToString(), column);
        }
        data.Add(nameof(AggKind.CountStar), 0);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batch_and_row_by_row_agree(string kindName, int column)
    {
        var kind = Enum.Parse<AggKind>(kindName);
        foreach (bool ascending in new[] { true, false })
        {
            var (batch, rows) = Data(3000, column * 31 + (int)kind, ascending);
            var arg = kind == AggKind.CountStar ? null : Column(column);
            var type = kind == AggKind.Sum ? AggSpec.SumType(Types[column]) : Types[column];
            var spec = new AggSpec { Kind = kind, Arg = arg, Type = type, Length = 8 };

            var byRow = AccumulatorFactory.Create(spec);
            var ctx = new EvalContext();
            foreach (var row in rows)
            {
                ctx.SetRow(row, null);
                byRow.Add(ctx, (long)row[0]!);
            }

            // Whole batch, then in uneven ranges, then through a selection.
            var whole = AccumulatorFactory.Create(spec);
            whole.AddBatch(batch, 0, batch.Length, new EvalContext());
            var ranges = AccumulatorFactory.Create(spec);
            for (int from = 0; from < batch.Length; from += 777) ranges.AddBatch(batch, from, Math.Min(batch.Length, from + 777), new EvalContext());

            Assert.Equal(byRow.Result(), whole.Result());
            Assert.Equal(byRow.Result(), ranges.Result());
            Assert.Equal(byRow.Selected?.Row, whole.Selected?.Row);
            Assert.Equal(byRow.Selected?.Row, ranges.Selected?.Row);
        }
    }

    [Fact]
    public void A_selection_limits_the_batch_to_the_rows_passing()
    {
        var (batch, rows) = Data(2000, 7);
        batch.Retain(row => row % 3 == 0);
        var spec = new AggSpec { Kind = AggKind.Sum, Arg = Column(1), Type = TaosDataType.BigInt, Length = 8 };
        var acc = AccumulatorFactory.Create(spec);
        acc.AddBatch(batch, 0, batch.Length, new EvalContext());
        long expected = rows.Where((_, i) => i % 3 == 0).Where(r => r[1] is not null).Sum(r => (long)(int)r[1]!);
        Assert.Equal(expected, acc.Result());
    }
}
