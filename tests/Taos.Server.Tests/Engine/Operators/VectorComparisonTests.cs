using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Operators;

/// <summary>A comparison of a column with a constant on typed vectors keeps exactly the rows the boxed comparison keeps.</summary>
public class VectorComparisonTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        string[] types = [nameof(TaosDataType.Int), nameof(TaosDataType.BigInt), nameof(TaosDataType.Float), nameof(TaosDataType.Double),
            nameof(TaosDataType.UTinyInt), nameof(TaosDataType.UBigInt), nameof(TaosDataType.Timestamp)];
        string[] ops = [nameof(BinaryOp.Equal), nameof(BinaryOp.NotEqual), nameof(BinaryOp.Less), nameof(BinaryOp.LessOrEqual),
            nameof(BinaryOp.Greater), nameof(BinaryOp.GreaterOrEqual)];
        foreach (var t in types)
        {
            foreach (var op in ops)
            {
                data.Add(t, op, "int");
                data.Add(t, op, "double");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector_and_boxed_comparisons_keep_the_same_rows(string typeName, string opName, string constantKind)
    {
        var type = Enum.Parse<TaosDataType>(typeName);
        var op = Enum.Parse<BinaryOp>(opName);
        var random = new Random(typeName.Length * 31 + opName.Length);
        var vector = new ColumnVector(type, 500);
        var values = new object?[500];
        for (int i = 0; i < values.Length; i++)
        {
            long x = random.Next(-20, 20);
            values[i] = random.Next(6) == 0 ? null : Values.Convert(type is TaosDataType.Float or TaosDataType.Double ? x / 2.0 : Math.Abs(x), type, TaosPrecision.Milliseconds, TimeZoneInfo.Utc);
            vector.SetValue(i, values[i]);
        }
        object constant = constantKind == "int" ? 5L : (object)4.5;
        var batch = new DataBatch(1, -1) { Vectors = [vector], Count = values.Length };
        batch.SelectAll();

        bool vectorised = VectorComparison.TryRetain(batch, new ColumnComparison(0, op, constant));
        if (type == TaosDataType.UBigInt && constant is long)
        {
            // UBIGINT against an integer compares as TDengine's unsigned rules: left to the row-by-row path.
            Assert.False(vectorised);
            return;
        }
        Assert.True(vectorised);

        var kept = Enumerable.Range(0, batch.Length).Select(batch.RowAt).ToList();
        var expected = Enumerable.Range(0, values.Length).Where(i => values[i] is { } v && Test(op, Values.Compare(v, constant))).ToList();
        Assert.Equal(expected, kept);
    }

    private static bool Test(BinaryOp op, int c) => op switch
    {
        BinaryOp.Equal => c == 0,
        BinaryOp.NotEqual => c != 0,
        BinaryOp.Less => c < 0,
        BinaryOp.LessOrEqual => c <= 0,
        BinaryOp.Greater => c > 0,
        _ => c >= 0,
    };
}
