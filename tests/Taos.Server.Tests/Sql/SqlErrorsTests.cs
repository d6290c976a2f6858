using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>Error texts cut like TDengine's buffers (<c>SqlErrors.cs</c>).</summary>
public class SqlErrorsTests
{
    [Fact]
    public void Syntax_error_message_is_cut_at_511_bytes()
    {
        string tail = string.Join(" ", Enumerable.Repeat("garbage", 200));
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 " + tail));
        Assert.Equal(511, ex.Message.Length);
        Assert.Equal(("syntax error near \"" + tail)[..511], ex.Message);
    }

    [Fact]
    public void Cut_in_the_middle_of_a_character_leaves_replacement_characters()
    {
        // 'syntax error near "' is 19 bytes, ") " 2, 244 two-byte characters 488: two bytes of the 3-byte '涛' fit.
        string tail = ") " + new string('é', 244) + "涛涛";
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 " + tail));
        Assert.Equal("syntax error near \") " + new string('é', 244) + "\uFFFD\uFFFD", ex.Message);
    }
}
