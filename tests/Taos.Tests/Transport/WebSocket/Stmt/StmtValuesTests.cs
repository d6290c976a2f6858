using Taos.Protocol.RawBlock;
using Taos.Transport.WebSocket.Stmt;

namespace Taos.Tests.Transport.WebSocket.Stmt;

public class StmtValuesTests
{
    [Theory]
    [InlineData(TaosDataType.VarChar, 'é')]
    [InlineData(TaosDataType.NChar, '涛')]
    [InlineData(TaosDataType.Json, 'x')]
    public void A_char_binds_as_the_one_char_text(TaosDataType type, char value)
    {
        using var fromChar = new BindColumn(type, 16, 1);
        using var fromText = new BindColumn(type, 16, 1);
        StmtValues.Append(fromChar, value, TaosPrecision.Milliseconds, null);
        StmtValues.Append(fromText, value.ToString(), TaosPrecision.Milliseconds, null);
        Assert.Equal(Block(fromText), Block(fromChar));
        Assert.Equal(value.ToString(), Assert.Single(RawBlockReader.Read(Block(fromChar)).Rows)[0]);
    }

    [Fact]
    public void Text_and_chars_are_no_values_of_a_number_or_binary_column()
    {
        using var ints = new BindColumn(TaosDataType.Int, 4, 1);
        using var bytes = new BindColumn(TaosDataType.VarBinary, 4, 1);
        using var text = new BindColumn(TaosDataType.VarChar, 4, 1);
        Assert.Contains("a Char is not a value of a INT column",
            Assert.Throws<InvalidCastException>(() => StmtValues.Append(ints, 'x', TaosPrecision.Milliseconds, null)).Message);
        Assert.Throws<InvalidCastException>(() => StmtValues.Append(bytes, "x", TaosPrecision.Milliseconds, null));
        Assert.Throws<InvalidCastException>(() => StmtValues.Append(text, 7, TaosPrecision.Milliseconds, null));
        Assert.Equal((0, 0, 0), (ints.Rows, bytes.Rows, text.Rows));
    }

    private static byte[] Block(BindColumn column)
    {
        var block = new byte[BindBlockWriter.Measure([column])];
        BindBlockWriter.Write([column], block);
        return block;
    }
}
