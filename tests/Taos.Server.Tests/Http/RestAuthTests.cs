using Taos.Server.Http;

namespace Taos.Server.Tests.Http;

public class RestAuthTests
{
    // rest-raw/43_token_login_get.txt: what taosAdapter 3.3.0.1 answered for root/taosdata.
    private const string RecordedRootToken = "/KfeAzX/f9na8qdtNZmtONryp201ma04bEl8LcvLUd7a8qdtNZmtONryp201ma04";

    [Fact]
    public void EncodeToken_root_taosdata_matches_the_recorded_token() =>
        Assert.Equal(RecordedRootToken, RestAuth.EncodeToken("root", "taosdata"));

    [Theory]
    [InlineData("root", "taosdata")]
    [InlineData("u", "p")]
    [InlineData("a_user_of_24_characters_", "a password longer than twenty-four bytes")]
    public void TryDecodeToken_round_trips(string user, string password)
    {
        string token = RestAuth.EncodeToken(user, password);
        Assert.True(RestAuth.TryDecodeToken(token, out var credentials));
        Assert.Equal(user, credentials.User);
        Assert.Equal(password, credentials.Password);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void TryDecodeToken_rejects_garbage(string token) =>
        Assert.False(RestAuth.TryDecodeToken(token, out _));

    [Theory]
    [InlineData(null, null, 4357)]
    [InlineData("", null, 4357)]
    [InlineData("Basic", null, 4386)]
    [InlineData("Digest abc", null, 4386)]
    [InlineData("basic cm9vdDp0YW9zZGF0YQ==", null, 4386)]
    [InlineData("Basic %%%", null, 4388)]
    [InlineData("Basic cm9vdA==", null, 4388)] // "root", no colon
    [InlineData("Basic cm9vdDo=", null, 4388)] // "root:", empty password
    [InlineData("Taosd AAAA", null, 4389)]
    [InlineData(null, "AAAA", 4389)]
    public void TryReadHeader_rejects_like_taosAdapter(string? header, string? queryToken, int code)
    {
        Assert.False(RestAuth.TryReadHeader(header, queryToken, out _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Equal(401, error.Status);
    }

    [Theory]
    [InlineData("Basic cm9vdDp0YW9zZGF0YQ==", null)]
    [InlineData("  Basic cm9vdDp0YW9zZGF0YQ==  ", null)]
    [InlineData("Taosd " + RecordedRootToken, null)]
    [InlineData("Bearer " + RecordedRootToken, null)]
    [InlineData(null, RecordedRootToken)]
    public void TryReadHeader_accepts_basic_and_tokens(string? header, string? queryToken)
    {
        Assert.True(RestAuth.TryReadHeader(header, queryToken, out var credentials, out _));
        Assert.Equal(new RestCredentials("root", "taosdata"), credentials);
    }

    [Fact]
    public void TryReadHeader_password_may_contain_colons()
    {
        string header = "Basic " + Convert.ToBase64String("root:a:b"u8.ToArray());
        Assert.True(RestAuth.TryReadHeader(header, null, out var credentials, out _));
        Assert.Equal("a:b", credentials.Password);
    }
}
