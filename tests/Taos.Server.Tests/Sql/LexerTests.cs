using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

public class LexerTests
{
    private static List<Token> Tokens(string sql)
    {
        var lexer = new Lexer(Lexer.Lowercase(sql));
        var tokens = new List<Token>();
        for (var t = lexer.Next(); t.Kind != TokenKind.End; t = lexer.Next())
        {
            tokens.Add(t);
            if (t.Kind == TokenKind.Illegal)
            {
                break;
            }
        }
        return tokens;
    }

    private static List<TokenKind> Kinds(string sql) => Tokens(sql).Select(t => t.Kind).ToList();

    [Theory]
    [InlineData("SELECT Voltage FROM Meters", "select voltage from meters")]
    [InlineData("INSERT INTO T VALUES ('AbC', \"DeF\")", "insert into t values ('AbC', \"DeF\")")]
    [InlineData("SELECT `MyCol` FROM `MyTable`", "select `MyCol` from `MyTable`")]
    [InlineData("SELECT 'It\\'S' AS X", "select 'It\\'S' as x")]
    [InlineData("SELECT 'a''B' , C", "select 'a''B' , c")]
    [InlineData("SELECT 'Ünïcode' FROM T WHERE X = 'É'", "select 'Ünïcode' from t where x = 'É'")]
    public void Lowercase_changes_only_text_outside_quotes(string input, string expected)
    {
        Assert.Equal(expected, Lexer.Lowercase(input));
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("'v''q'", "v'q")]
    [InlineData("'b\"q'", "b\"q")]
    [InlineData("\"a\"\"b\"", "a\"b")]
    [InlineData("'a\\nb\\rc\\td'", "a\nb\rc\td")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("'a\\'b'", "a'b")]
    [InlineData("'a\\\"b'", "a\"b")]
    [InlineData("'50\\%'", "50\\%")]
    [InlineData("'a\\_b'", "a\\_b")]
    [InlineData("'\\x0102ab'", "\\x0102ab")]
    [InlineData("'\\q\\z'", "qz")]
    [InlineData("''", "")]
    public void Unquote_applies_tdengine_escape_rules(string literal, string expected)
    {
        var tokens = Tokens(literal);
        var t = Assert.Single(tokens);
        Assert.Equal(TokenKind.String, t.Kind);
        Assert.Equal(expected, Lexer.Unquote(literal, t.Start, t.Length));
    }

    [Theory]
    [InlineData("123", nameof(TokenKind.Integer))]
    [InlineData("1.5", nameof(TokenKind.Float))]
    [InlineData("1.", nameof(TokenKind.Float))]
    [InlineData(".5", nameof(TokenKind.Float))]
    [InlineData("1e10", nameof(TokenKind.Float))]
    [InlineData("2.5E-3", nameof(TokenKind.Float))]
    [InlineData("0x1F", nameof(TokenKind.Hex))]
    [InlineData("0b101", nameof(TokenKind.Bin))]
    [InlineData("10s", nameof(TokenKind.Duration))]
    [InlineData("1n", nameof(TokenKind.Duration))]
    [InlineData("500u", nameof(TokenKind.Duration))]
    [InlineData("3650d", nameof(TokenKind.Duration))]
    [InlineData("1y", nameof(TokenKind.Duration))]
    [InlineData("2w", nameof(TokenKind.Duration))]
    [InlineData("7b", nameof(TokenKind.Duration))]
    [InlineData("10a", nameof(TokenKind.Duration))]
    [InlineData("0", nameof(TokenKind.Integer))]
    [InlineData("true", nameof(TokenKind.Bool))]
    [InlineData("FALSE", nameof(TokenKind.Bool))]
    [InlineData("127.0.0.1", nameof(TokenKind.IpAddress))]
    public void Number_like_tokens_are_classified(string text, string kindName)
    {
        var kind = Enum.Parse<TokenKind>(kindName);
        var t = Assert.Single(Tokens(text));
        Assert.Equal(kind, t.Kind);
        Assert.Equal(text.Length, t.Length);
    }

    [Fact]
    public void Digits_followed_by_more_identifier_characters_are_not_a_duration()
    {
        Assert.Equal([TokenKind.Integer, TokenKind.Id], Kinds("10sx"));
    }

    [Fact]
    public void Operators_are_recognised()
    {
        Assert.Equal(
            [TokenKind.Plus, TokenKind.Minus, TokenKind.Star, TokenKind.Slash, TokenKind.Percent, TokenKind.BitAnd,
             TokenKind.BitOr, TokenKind.Eq, TokenKind.Eq, TokenKind.Ne, TokenKind.Ne, TokenKind.Lt, TokenKind.Le,
             TokenKind.Gt, TokenKind.Ge, TokenKind.Arrow, TokenKind.Concat, TokenKind.LShift, TokenKind.RShift,
             TokenKind.BitNot, TokenKind.Question, TokenKind.Comma, TokenKind.Dot, TokenKind.LParen, TokenKind.RParen,
             TokenKind.Colon],
            Kinds("+ - * / % & | = == <> != < <= > >= -> || << >> ~ ? , . ( ) :"));
    }

    [Fact]
    public void Comments_are_skipped()
    {
        Assert.Equal([TokenKind.Keyword, TokenKind.Integer, TokenKind.Keyword], Kinds("select -- hi\n 1 /* block */ from"));
    }

    [Fact]
    public void Hint_is_its_own_token()
    {
        Assert.Equal([TokenKind.Keyword, TokenKind.Hint, TokenKind.Integer], Kinds("select /*+ para_tables_sort() */ 1"));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("@")]
    [InlineData("#x")]
    [InlineData("'unterminated")]
    [InlineData("`unterminated")]
    [InlineData("0x")]
    [InlineData("$")]
    public void Illegal_input_gives_an_illegal_token(string text)
    {
        Assert.Equal(TokenKind.Illegal, Tokens(text).Last().Kind);
    }

    [Fact]
    public void Keywords_and_identifiers_are_told_apart()
    {
        var tokens = Tokens("value current ts status name type `value` level key");
        Assert.Equal(
            [TokenKind.Keyword, TokenKind.Id, TokenKind.Id, TokenKind.Id, TokenKind.Id, TokenKind.Id, TokenKind.QuotedId,
             TokenKind.Keyword, TokenKind.Keyword],
            tokens.Select(t => t.Kind).ToList());
        Assert.Equal("value", tokens[6].Word);
    }

    [Fact]
    public void Backquoted_identifier_keeps_case_without_quotes()
    {
        var t = Assert.Single(Tokens("`MyTable`"));
        Assert.Equal(TokenKind.QuotedId, t.Kind);
        Assert.Equal("MyTable", t.Word);
    }

    [Fact]
    public void Non_ascii_word_is_an_alias_token()
    {
        var t = Assert.Single(Tokens("电压"));
        Assert.Equal(TokenKind.Alias, t.Kind);
    }

    [Fact]
    public void Semicolon_ends_the_token_stream()
    {
        var lexer = new Lexer("select 1; drop database x");
        Assert.Equal(TokenKind.Keyword, lexer.Next().Kind);
        Assert.Equal(TokenKind.Integer, lexer.Next().Kind);
        var end = lexer.Next();
        Assert.Equal(TokenKind.End, end.Kind);
        Assert.Equal(1, end.Length);
        Assert.Equal(TokenKind.End, lexer.Next().Kind);
    }
}
