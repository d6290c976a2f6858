using Taos.Transport;
using Taos.Transport.Rest;

namespace Taos.Tests.Transport.Rest;

public class ParameterBinderTests
{
    /// <summary>The parameters as a command hands them to its session: values, detached from the collection.</summary>
    private static TaosRequestParameter[] Values(TaosParameterCollection parameters) =>
        parameters.Cast<TaosParameter>().Select(p => new TaosRequestParameter(p.ParameterName, p.Value)).ToArray();

    private static string Bind(string sql, params (string Name, object? Value)[] ps)
    {
        var cmd = new TaosCommand();
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        return SqlParameterBinder.Bind(sql, Values(cmd.Parameters), null);
    }

    private static string BindPositional(string sql, params object?[] values)
    {
        var cmd = new TaosCommand();
        foreach (var v in values) cmd.Parameters.Add(new TaosParameter { Value = v });
        return SqlParameterBinder.Bind(sql, Values(cmd.Parameters), null);
    }

    [Fact]
    public void Bind_named_and_positional_placeholders()
    {
        Assert.Equal("select * from t where a = 1 and b = 'x'", Bind("select * from t where a = @a and b = @b", ("@a", 1), ("b", "x")));
        Assert.Equal("insert into t values (2, 'y', NULL)", BindPositional("insert into t values (?, ?, ?)", 2, "y", null));
    }

    [Fact]
    public void Bind_leaves_placeholders_in_strings_identifiers_and_comments()
    {
        string sql = "select '@a ?', \"@a\", `@a` from t -- @a ?\n where x = @a /* ? @a */";
        Assert.Equal("select '@a ?', \"@a\", `@a` from t -- @a ?\n where x = 5 /* ? @a */", Bind(sql, ("a", 5)));
    }

    [Fact]
    public void Bind_skips_escaped_quotes_inside_literals()
    {
        Assert.Equal(@"select 'it\'s @a', 'x''@a' , 7", Bind(@"select 'it\'s @a', 'x''@a' , @a", ("a", 7)));
    }

    [Theory]
    [InlineData("'; drop database power; --", "'''; drop database power; --'")]
    [InlineData(@"\' or 1=1 --", @"'\\'' or 1=1 --'")]
    [InlineData(@"back\slash\", @"'back\\slash\\'")]
    [InlineData("涛思 \"q\" ñ", "'涛思 \"q\" ñ'")]
    public void Bind_string_escapes_quotes_and_backslashes(string value, string expected)
    {
        Assert.Equal("select " + expected, Bind("select @v", ("v", value)));
    }

    [Fact]
    public void Bind_value_types_render_as_literals()
    {
        Assert.Equal("true, -5, 18446744073709551615, 1.5, 0.1, 2.5", BindPositional("?, ?, ?, ?, ?, ?", true, (sbyte)-5, ulong.MaxValue, 1.5f, 0.1, 2.5m));
        Assert.Equal(@"'\x0102AB'", BindPositional("?", new byte[] { 1, 2, 0xab }));
        Assert.Equal("'2024-01-01T00:00:00.123Z'", BindPositional("?", new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc)));
        Assert.Equal("'2024-01-01T00:00:00.0000001Z'", BindPositional("?", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1)));
        Assert.Equal("'2024-01-01T08:00:00.000+08:00'", BindPositional("?", new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal("'2026-11-24T23:21:53.112310787Z'", BindPositional("?", TaosTimestamp.Parse("2026-11-24T23:21:53.112310787Z")));
        Assert.Equal("NULL", BindPositional("?", DBNull.Value));
    }

    [Fact]
    public void Bind_unspecified_DateTime_uses_the_connection_zone()
    {
        var cmd = new TaosCommand();
        cmd.Parameters.AddWithValue("t", new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal("'2024-01-01T00:00:00.000Z'", SqlParameterBinder.Bind("@t", Values(cmd.Parameters), zone));
        Assert.Equal("'2024-01-01T08:00:00.000Z'", SqlParameterBinder.Bind("@t", Values(cmd.Parameters), null));
    }

    [Fact]
    public void Bind_rejects_unsupported_and_non_finite_values()
    {
        var e = Assert.Throws<NotSupportedException>(() => Bind("@x", ("x", new object())));
        Assert.Contains("'@x'", e.Message);
        Assert.Throws<ArgumentException>(() => Bind("@x", ("x", double.NaN)));
        Assert.Throws<ArgumentException>(() => Bind("@x", ("x", "a\0b")));
    }

    [Fact]
    public void Bind_missing_parameters_throw()
    {
        Assert.Throws<InvalidOperationException>(() => Bind("select @nope", ("x", 1)));
        Assert.Throws<InvalidOperationException>(() => BindPositional("select ?, ?", 1));
    }

    [Fact]
    public void Bind_without_parameters_returns_text_unchanged()
    {
        const string sql = "select 'a@b' from t";
        Assert.Equal(sql, Bind(sql));
    }
}
