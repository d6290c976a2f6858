using Taos.Server.Engine.Text;

namespace Taos.Server.Tests.Engine.Text;

/// <summary>LIKE as TDengine's patternMatch (tcompare.c) reads it: one matcher for WHERE and SHOW … LIKE.</summary>
public class LikePatternTests
{
    [Theory]
    [InlineData("California.Los%", "California.LosAngeles", true)]
    [InlineData("California.Los%", "California.SanFrancisco", false)]
    [InlineData("d100_", "d1001", true)]
    [InlineData("d100_", "d100", false)]
    [InlineData("%2", "d1002", true)]
    [InlineData("%", "", true)]
    [InlineData("_", "", false)]
    [InlineData("a%b%c", "aXXbYYc", true)]
    [InlineData("a%b%c", "aXXbYY", false)]
    [InlineData("%a%a", "aXa", true)]
    [InlineData("_é_", "aéb", true)]
    public void Wildcards_match_any_run_and_exactly_one_character(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData(@"a\%", "a%", true)]
    [InlineData(@"a\%", "ab", false)]
    [InlineData(@"a\_", "a_", true)]
    [InlineData(@"a\_", "ab", false)]
    // A backslash before anything else is a backslash (SHOW TABLES LIKE once dropped it).
    [InlineData(@"a\x", @"a\x", true)]
    [InlineData(@"a\x", "ax", false)]
    public void Backslash_escapes_only_the_wildcards(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));

    [Theory]
    [InlineData("california%", "California.LosAngeles", true)]
    [InlineData("D10%", "d1001", true)]
    [InlineData("é", "É", false)]
    public void Ascii_letters_match_regardless_of_case(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(text));
}
