using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Taos.Server.Tests.Http;

/// <summary>The REST interface's protocol behaviour (auth, limits, parameters), over real loopback sockets.</summary>
public class RestEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string JsonType = "application/json; charset=utf-8";
    private const string RecordedRootToken = "/KfeAzX/f9na8qdtNZmtONryp201ma04bEl8LcvLUd7a8qdtNZmtONryp201ma04";

    /// <summary>A statement that never fails to reach the engine; the answer is the engine's, not an auth error.</summary>
    private static bool ReachedEngine(RestAnswer answer) =>
        answer.Status == HttpStatusCode.OK && answer.Code is not (855 or 4357 or 4358 or 4359 or 537);

    [Fact]
    public async Task Sql_without_authorization_is_401_no_auth_info()
    {
        var answer = await fixture.PostAsync("/rest/sql", new StringContent("show databases"), noAuth: true);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("{\"code\":4357,\"desc\":\"no auth info input\"}", answer.Text);
        Assert.Equal(JsonType, answer.ContentType);
        Assert.Equal(41, answer.ContentLength); // rest-raw/42: a Content-Length, not chunked
    }

    [Theory]
    [InlineData("Digest abc", 4386, "invalid type of Authorization")]
    [InlineData("Basic !!!notbase64", 4388, "invalid basic Authorization")]
    [InlineData("Taosd bm90IGEgdG9rZW4=", 4389, "invalid taosd Authorization")]
    public async Task Sql_with_malformed_authorization_is_401(string header, int code, string desc)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Uri("/rest/sql")) { Content = new StringContent("show databases") };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        var answer = await fixture.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(code, answer.Code);
        Assert.Equal(desc, answer.Desc);
    }

    [Fact]
    public async Task Sql_with_wrong_password_is_200_code_855()
    {
        var answer = await fixture.SqlAsync("show databases", auth: ServerFixture.Basic("root", "wrong"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":855,\"desc\":\"Authentication failure\"}", answer.Text);
        Assert.Equal(JsonType, answer.ContentType);
    }

    [Fact]
    public async Task Sql_with_unknown_user_is_200_code_849()
    {
        // rest-breadth.jsonl users#26: TDengine answers an unknown user with 849 Invalid user (a wrong password is 855).
        var answer = await fixture.SqlAsync("show databases", auth: ServerFixture.Basic("nobody", "taosdata"));
        Assert.Equal(200, (int)answer.Status);
        Assert.Equal((849, "Invalid user"), (answer.Code, answer.Desc));
    }

    [Fact]
    public async Task Sql_with_basic_auth_reaches_the_engine()
    {
        var answer = await fixture.SqlAsync("select 1");
        Assert.True(ReachedEngine(answer), answer.ToString());
        Assert.Equal(JsonType, answer.ContentType);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Login_answers_taosAdapters_token(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Uri("/rest/login/root/taosdata"));
        var answer = await fixture.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":0,\"desc\":\"" + RecordedRootToken + "\"}", answer.Text);
        Assert.Equal(84, answer.ContentLength); // rest-raw/43
        Assert.Equal(JsonType, answer.ContentType);
    }

    [Fact]
    public async Task Login_with_wrong_password_is_refused()
    {
        var answer = await fixture.SendAsync(new HttpRequestMessage(HttpMethod.Get, fixture.Uri("/rest/login/root/nope")));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("{\"code\":3,\"desc\":\"Authentication failure\"}", answer.Text);
    }

    [Fact]
    public async Task Login_with_too_long_user_is_400()
    {
        var answer = await fixture.SendAsync(new HttpRequestMessage(HttpMethod.Get, fixture.Uri("/rest/login/" + new string('u', 25) + "/taosdata")));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(4362, answer.Code);
        Assert.Equal("generate taosd token error", answer.Desc);
    }

    [Fact]
    public async Task Taosd_token_from_login_authenticates_sql()
    {
        var login = await fixture.SendAsync(new HttpRequestMessage(HttpMethod.Get, fixture.Uri("/rest/login/root/taosdata")));
        string token = login.Desc;
        var answer = await fixture.SqlAsync("select 1", auth: new AuthenticationHeaderValue("Taosd", token));
        Assert.True(ReachedEngine(answer), answer.ToString());
    }

    [Fact]
    public async Task Token_in_the_url_authenticates_sql()
    {
        string token = Uri.EscapeDataString(RecordedRootToken);
        var answer = await fixture.PostAsync("/rest/sql?token=" + token, new StringContent("select 1"), noAuth: true);
        Assert.True(ReachedEngine(answer), answer.ToString());
    }

    [Fact]
    public async Task Token_of_a_wrong_password_is_855()
    {
        string token = Taos.Server.Http.RestAuth.EncodeToken("root", "wrong");
        var answer = await fixture.SqlAsync("select 1", auth: new AuthenticationHeaderValue("Taosd", token));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(855, answer.Code);
    }

    [Fact]
    public async Task Empty_body_is_400_request_is_empty()
    {
        var answer = await fixture.PostAsync("/rest/sql", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("{\"code\":4358,\"desc\":\"request is empty\"}", answer.Text);
        Assert.Equal(39, answer.ContentLength); // rest-raw/40
    }

    [Fact]
    public async Task Blank_body_is_400_no_sql_input()
    {
        var answer = await fixture.SqlAsync(" \r\n\t ");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("{\"code\":4359,\"desc\":\"no sql input\"}", answer.Text);
    }

    [Fact]
    public async Task Empty_body_is_checked_before_the_password()
    {
        var answer = await fixture.PostAsync("/rest/sql", new ByteArrayContent([]), ServerFixture.Basic("root", "wrong"));
        Assert.Equal(4358, answer.Code);
    }

    [Theory]
    [InlineData("POST", "/rest/sqlt")]
    [InlineData("POST", "/rest/sqlutc")]
    [InlineData("POST", "/rest/nothing")]
    [InlineData("POST", "/")]
    [InlineData("GET", "/rest/sql")]
    [InlineData("POST", "/rest/sql/db/extra")]
    [InlineData("DELETE", "/rest/login/root/taosdata")]
    public async Task Unknown_endpoints_are_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Uri(path));
        request.Headers.Authorization = ServerFixture.Basic("root", "taosdata");
        if (method == "POST") request.Content = new StringContent("show databases");
        var answer = await fixture.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("404 page not found", answer.Text);
    }

    [Theory]
    [InlineData("POST", "/rest/sql/?req_id=1", 307, "/rest/sql?req_id=1")]
    [InlineData("POST", "/rest/sql/power/", 307, "/rest/sql/power")]
    [InlineData("GET", "/rest/login/root/taosdata/", 301, "/rest/login/root/taosdata")]
    public async Task Trailing_slash_redirects_like_gin(string method, string path, int status, string location)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Uri(path));
        if (method == "POST") request.Content = new StringContent("select 1");
        using var response = await client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sql_longer_than_1_MiB_is_537_statement_too_long()
    {
        // 2 MiB: a comment-padded statement, the way a client would send an over-long multi-row INSERT.
        var sql = new StringBuilder("select 1 /*").Append('x', 2 * 1024 * 1024).Append("*/").ToString();
        var answer = await fixture.SqlAsync(sql);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"code\":537,\"desc\":\"SQL statement too long\"}", answer.Text);
    }

    [Fact]
    public async Task Sql_of_exactly_1_MiB_is_not_too_long()
    {
        string sql = "select 1 /*" + new string('x', 1024 * 1024 - 13) + "*/";
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(sql));
        var answer = await fixture.SqlAsync("  \n" + sql + "\n\n  "); // surrounding white space does not count
        Assert.True(ReachedEngine(answer), answer.ToString()[..Math.Min(200, answer.ToString().Length)]);
    }

    [Fact]
    public async Task Huge_body_is_refused_without_reading_it_all()
    {
        // 64 MiB streamed: the server must answer without holding it (Kestrel's own 30 MB limit would give 413).
        var content = new StreamContent(new RepeatingStream((byte)'x', 64L * 1024 * 1024));
        var answer = await fixture.PostAsync("/rest/sql", content);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(537, answer.Code);
    }

    [Fact]
    public async Task Binary_garbage_is_a_clean_error_not_a_crash()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0xFF; // invalid UTF-8 up front, no NUL before it
        garbage[1] = 0xFE;
        for (int i = 0; i < garbage.Length; i++) if (garbage[i] == 0) garbage[i] = 0xC3;
        var answer = await fixture.PostAsync("/rest/sql", new ByteArrayContent(garbage));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEqual(0, answer.Code);
        Assert.False(string.IsNullOrEmpty(answer.Desc));
        Assert.DoesNotContain("   at ", answer.Desc); // no stack trace
    }

    [Fact]
    public async Task Nul_byte_ends_the_statement_like_a_c_string()
    {
        byte[] blank = [0x00, (byte)'x'];
        var answer = await fixture.PostAsync("/rest/sql", new ByteArrayContent(blank));
        // The statement the engine sees is empty: never a protocol error, never a 500.
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEqual(0, answer.Code);
    }

    [Theory]
    [InlineData("abc", "illegal param, req_id must be numeric strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("1.5", "illegal param, req_id must be numeric strconv.ParseInt: parsing \"1.5\": invalid syntax")]
    [InlineData("99999999999999999999", "illegal param, req_id must be numeric strconv.ParseInt: parsing \"99999999999999999999\": value out of range")]
    public async Task Non_numeric_req_id_is_400(string reqId, string desc)
    {
        var answer = await fixture.SqlAsync("select 1", "/rest/sql?req_id=" + reqId);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(65535, answer.Code);
        Assert.Equal(desc, answer.Desc);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("-7")]
    [InlineData("")]
    public async Task Numeric_req_id_is_accepted(string reqId)
    {
        var answer = await fixture.SqlAsync("select 1", "/rest/sql?req_id=" + reqId);
        Assert.True(ReachedEngine(answer), answer.ToString());
    }

    [Fact]
    public async Task Req_id_is_checked_before_authorization()
    {
        var answer = await fixture.PostAsync("/rest/sql?req_id=x", new StringContent("select 1"), noAuth: true);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Unknown_tz_is_400()
    {
        var answer = await fixture.SqlAsync("select 1", "/rest/sql?tz=Mars/Olympus_Mons");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("{\"code\":65535,\"desc\":\"unknown time zone Mars/Olympus_Mons\"}", answer.Text);
    }

    [Theory]
    [InlineData("Asia/Shanghai")]
    [InlineData("UTC")]
    [InlineData("")]
    public async Task Known_tz_is_accepted(string zone)
    {
        var answer = await fixture.SqlAsync("select 1", "/rest/sql?tz=" + Uri.EscapeDataString(zone));
        Assert.True(ReachedEngine(answer), answer.ToString());
    }

    [Fact]
    public async Task Row_with_meta_is_ignored()
    {
        var answer = await fixture.SqlAsync("select 1", "/rest/sql?row_with_meta=notabool");
        Assert.True(ReachedEngine(answer), answer.ToString());
    }

    [Fact]
    public async Task Concurrent_requests_are_all_answered()
    {
        var tasks = Enumerable.Range(0, 32).Select(_ => fixture.SqlAsync("select 1")).ToArray();
        var answers = await Task.WhenAll(tasks);
        Assert.All(answers, a => Assert.True(ReachedEngine(a), a.ToString()));
    }

    /// <summary>A long body produced on the fly, so the test itself does not hold it.</summary>
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill(value);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
