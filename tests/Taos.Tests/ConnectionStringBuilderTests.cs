namespace Taos.Tests;

public class ConnectionStringBuilderTests
{
    [Fact]
    public void Parse_full_string_reads_every_keyword()
    {
        var b = new TaosConnectionStringBuilder("Url=http://host:6041;Username=u;Password=p;Database=power;Timezone=Asia/Shanghai;Timeout=12");
        Assert.Equal("http://host:6041", b.Url);
        Assert.Equal("u", b.Username);
        Assert.Equal("p", b.Password);
        Assert.Equal("power", b.Database);
        Assert.Equal("Asia/Shanghai", b.Timezone);
        Assert.Equal(12, b.Timeout);
        Assert.Equal(new Uri("http://host:6041/"), b.GetBaseUri());
    }

    [Fact]
    public void Parse_keywords_are_case_insensitive_and_synonyms_map_to_canonical()
    {
        var b = new TaosConnectionStringBuilder("url=http://h:1;USER=me;timezone=UTC");
        Assert.Equal("me", b.Username);
        Assert.Contains("Username=me", b.ConnectionString);
    }

    [Fact]
    public void Parse_unknown_keyword_throws_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://h:1;Passwrd=x"));
        Assert.Contains("passwrd", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Password", e.Message);
    }

    [Theory]
    [InlineData("Port=abc")]
    [InlineData("Timeout=-1")]
    [InlineData("UseSsl=maybe")]
    [InlineData("Url=ftp://x")]
    [InlineData("Timezone=Not/AZone")]
    public void Parse_bad_value_throws(string cs) => Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder(cs));

    [Fact]
    public void HostPortUseSsl_form_builds_the_url()
    {
        var b = new TaosConnectionStringBuilder("Host=example.com;Port=6042;UseSsl=true");
        Assert.Equal(new Uri("https://example.com:6042/"), b.GetBaseUri());
        Assert.Equal(new Uri("http://localhost:6041/"), new TaosConnectionStringBuilder("").GetBaseUri());
    }

    [Fact]
    public void Defaults_are_root_taosdata_30s()
    {
        var b = new TaosConnectionStringBuilder();
        Assert.Equal("root", b.Username);
        Assert.Equal("taosdata", b.Password);
        Assert.Equal(30, b.Timeout);
    }

    [Fact]
    public void Redacted_string_hides_password_and_token()
    {
        var b = new TaosConnectionStringBuilder("Url=https://x;Token=secret-token;Password=pw");
        string r = b.ToRedactedString();
        Assert.DoesNotContain("secret-token", r);
        Assert.DoesNotContain("pw", r);
        Assert.Equal("secret-token", b.Token);
    }

    [Fact]
    public void Connection_with_unknown_keyword_throws_at_assignment()
    {
        Assert.Throws<ArgumentException>(() => new TaosConnection("Url=http://h:1;Bogus=1"));
    }

    [Fact]
    public void Factory_creates_provider_objects()
    {
        Assert.IsType<TaosConnection>(TaosFactory.Instance.CreateConnection());
        Assert.IsType<TaosCommand>(TaosFactory.Instance.CreateCommand());
        Assert.IsType<TaosParameter>(TaosFactory.Instance.CreateParameter());
        Assert.IsType<TaosConnectionStringBuilder>(TaosFactory.Instance.CreateConnectionStringBuilder());
        using var ds = TaosFactory.Instance.CreateDataSource("Url=http://127.0.0.1:1");
        Assert.IsType<TaosDataSource>(ds);
    }

    [Fact]
    public void Protocol_defaults_to_Rest_and_reads_case_insensitively()
    {
        Assert.Equal(TaosProtocol.Rest, new TaosConnectionStringBuilder("Url=http://h:1").Protocol);
        var b = new TaosConnectionStringBuilder("Url=http://h:1;protocol=REST");
        Assert.Equal(TaosProtocol.Rest, b.Protocol);
        Assert.Contains("Protocol=Rest", b.ConnectionString);
        var set = new TaosConnectionStringBuilder { Protocol = TaosProtocol.Rest };
        Assert.Equal("Protocol=Rest", set.ConnectionString);
    }

    [Theory]
    [InlineData("Grpc")]
    [InlineData("ws")]
    [InlineData("0")]
    public void Protocol_other_than_Rest_or_WebSocket_throws_naming_the_valid_values(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://h:1;Protocol=" + value));
        Assert.Contains("Protocol", e.Message);
        Assert.Contains("'" + value + "'", e.Message);
        Assert.Contains("Rest", e.Message);
        Assert.Contains("WebSocket", e.Message);
        Assert.Throws<ArgumentException>(() => new TaosConnection("Url=http://h:1;Protocol=" + value));
        Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder { Protocol = (TaosProtocol)2 });
    }
}
