namespace Taos.Tests.Integration;

[Collection(ServerCollection.Name)]
public class RestClientErrorTests(ServerFixture server)
{
    [Fact]
    public async Task Error_answer_carries_code_desc_sql_and_req_id()
    {
        using var client = new RestClient(server.BaseUrl + "/", "root", "taosdata", timeout: TimeSpan.FromSeconds(5));
        var e = await Assert.ThrowsAsync<TaosException>(() => client.SqlAsync("select * from no_such_db.t", reqId: 4242));
        Assert.Equal(4242, e.RequestId);
        Assert.Equal("select * from no_such_db.t", e.Sql);
        Assert.True(e.ErrorCode > 0);
        Assert.False(string.IsNullOrEmpty(e.Description));
        Assert.Contains(e.Description!, e.Message);
    }

    [Fact]
    public void Wrong_password_is_855()
    {
        using var client = new RestClient(server.BaseUrl, "root", "wrong");
        var e = Assert.Throws<TaosException>(() => client.Sql("select 1"));
        Assert.Equal(TaosErrorCode.AuthenticationFailure, e.ErrorCode);
    }

    [Fact]
    public void Reader_enum_guid_and_char_reads()
    {
        server.Run("create database if not exists rcg", "create table if not exists rcg.t (ts timestamp, i int, s varchar(40))",
            "insert into rcg.t values ('2024-01-01T00:00:00Z', 2, '6f9619ff-8b86-d011-b42d-00cf4fc964ff')");
        using var c = new TaosConnection(server.ConnectionString("rcg"));
        c.Open();
        using var cmd = new TaosCommand("select i, s from t", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), r.GetGuid(1));
        Assert.Equal(new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), r.GetFieldValue<Guid>(1));
        Assert.Equal(DayOfWeek.Tuesday, r.GetFieldValue<DayOfWeek>(0));
    }
}
