using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>Text measured and cut in UTF-8 bytes (<c>Utf8Text.cs</c>).</summary>
public class Utf8TextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("é", 2)]
    [InlineData("涛", 3)]
    [InlineData("😀", 4)]
    public void ByteCount_is_the_utf8_length(string text, int bytes)
    {
        Assert.Equal(bytes, Utf8Text.ByteCount(text));
    }

    [Theory]
    [InlineData("abcdef", 4, 4, 4)]
    [InlineData("aé涛", 4, 2, 3)]
    [InlineData("aé涛", 6, 3, 6)]
    [InlineData("a😀b", 4, 1, 1)]
    [InlineData("a😀b", 5, 3, 5)]
    [InlineData("short", 64, 5, 5)]
    public void FittingLength_counts_whole_characters(string text, int maxBytes, int length, int bytes)
    {
        Assert.Equal((length, bytes), (Utf8Text.FittingLength(text, maxBytes, out int used), used));
    }

    [Fact]
    public void WholeCharsPrefix_never_splits_a_character()
    {
        Assert.Equal("aé", Utf8Text.WholeCharsPrefix("aé涛", 5));
        Assert.Equal("a", Utf8Text.WholeCharsPrefix("a😀", 4));
        Assert.Equal("abc", Utf8Text.WholeCharsPrefix("abc", 3));
    }
}
