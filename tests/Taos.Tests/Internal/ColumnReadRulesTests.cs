namespace Taos.Tests.Internal;

/// <summary>The conversion table the reader decides once per column.</summary>
public class ColumnReadRulesTests
{
    [Fact]
    public void For_type_allows_its_own_reads_only()
    {
        Assert.Equal(ColumnReads.Boolean, ColumnReadRules.For(TaosDataType.Bool));
        Assert.Equal(ColumnReads.Double, ColumnReadRules.For(TaosDataType.Double));
        Assert.Equal(ColumnReads.Float | ColumnReads.Double, ColumnReadRules.For(TaosDataType.Float));
        Assert.Equal(ColumnReads.Timestamp, ColumnReadRules.For(TaosDataType.Timestamp));
        Assert.Equal(ColumnReads.Bytes | ColumnReads.Stream, ColumnReadRules.For(TaosDataType.VarBinary));
        Assert.Equal(ColumnReads.String | ColumnReads.Stream, ColumnReadRules.For(TaosDataType.NChar));
    }

    [Theory]
    [InlineData(TaosDataType.TinyInt)]
    [InlineData(TaosDataType.SmallInt)]
    [InlineData(TaosDataType.Int)]
    [InlineData(TaosDataType.BigInt)]
    [InlineData(TaosDataType.UTinyInt)]
    [InlineData(TaosDataType.USmallInt)]
    [InlineData(TaosDataType.UInt)]
    [InlineData(TaosDataType.UBigInt)]
    public void For_integer_allows_every_checked_integer_read_and_decimal_but_not_bool_or_string(TaosDataType type)
    {
        var reads = ColumnReadRules.For(type);
        foreach (var r in new[] { ColumnReads.Int16, ColumnReads.Int32, ColumnReads.Int64, ColumnReads.UInt16, ColumnReads.UInt32, ColumnReads.UInt64, ColumnReads.Decimal })
        {
            Assert.True(reads.HasFlag(r), $"{type} {r}");
        }
        Assert.False(reads.HasFlag(ColumnReads.Boolean));
        Assert.False(reads.HasFlag(ColumnReads.String));
        Assert.Equal(type == TaosDataType.UTinyInt, reads.HasFlag(ColumnReads.Byte));
        Assert.Equal(type == TaosDataType.TinyInt, reads.HasFlag(ColumnReads.SByte));
        Assert.Equal(type is TaosDataType.TinyInt or TaosDataType.UTinyInt or TaosDataType.SmallInt or TaosDataType.USmallInt, reads.HasFlag(ColumnReads.Float));
        Assert.Equal(type is not (TaosDataType.BigInt or TaosDataType.UBigInt), reads.HasFlag(ColumnReads.Double));
    }
}
