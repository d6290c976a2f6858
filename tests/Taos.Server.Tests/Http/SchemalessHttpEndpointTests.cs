using System.Net;
using System.Text;

namespace Taos.Server.Tests.Http;

/// <summary>taosAdapter's schemaless HTTP endpoints against the real server over loopback: status codes and bodies of its plugins.</summary>
public sealed class SchemalessHttpEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static StringContent Body(string text) => new(text, Encoding.UTF8, "text/plain");

    private async Task<object?[]> RowAsync(string sql)
    {
        var answer = await fixture.SqlAsync(sql);
        Assert.True(answer.Code == 0, answer.ToString());
        return answer.Json.GetProperty("data")[0].EnumerateArray().Select(e => (object?)e.ToString()).ToArray();
    }

    private async Task DatabaseAsync(string name)
    {
        await fixture.SqlAsync("drop database if exists " + name);
        Assert.Equal(0, (await fixture.SqlAsync("create database " + name)).Code);
    }

    [Fact]
    public async Task Influxdb_write_takes_basic_or_u_p_and_answers_204()
    {
        await DatabaseAsync("sml_http");
        var answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http&precision=ms", Body("cpu,host=a usage=1.5 1700000000000\n"));
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Empty(answer.Body);
        answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http&u=root&p=taosdata&ttl=3", Body("cpu,host=b usage=2.5 1700000001000000000"), noAuth: true);
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(["2", "4"], await RowAsync("select count(*), sum(usage) from sml_http.cpu"));
        Assert.Equal(["3"], await RowAsync("select max(`ttl`) from information_schema.ins_tables where db_name = 'sml_http'"));
    }

    [Fact]
    public async Task Influxdb_write_errors_as_its_plugin_answers_them()
    {
        await DatabaseAsync("sml_http_err");
        var answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http_err", Body("cpu v=1"), noAuth: true);
        Assert.Equal((HttpStatusCode.Unauthorized, """{"code":"forbidden","message":"get auth error"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/influxdb/v1/write", Body("cpu v=1"));
        Assert.Equal((HttpStatusCode.BadRequest, """{"code":"not found","message":"db required","op":"get db query","err":"db required","line":0}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http_err&ttl=x", Body("cpu v=1"));
        Assert.Equal((HttpStatusCode.BadRequest, """{"code":"illegal param","message":"ttl must be numeric","op":"parse ttl","err":"ttl must be numeric","line":0}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http_err&u=root&p=wrong", Body("cpu v=1"), noAuth: true);
        Assert.Equal((HttpStatusCode.InternalServerError, """{"code":"internal error","message":"[0x357] Authentication failure"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/influxdb/v1/write?db=nosuch_db", Body("cpu v=1"));
        Assert.Equal((HttpStatusCode.InternalServerError, """{"code":"internal error","message":"[0x388] Database not exist"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/influxdb/v1/write?db=sml_http_err&precision=ms", Body("cpu,h=a v=1 1700000000000\ncpu,h=a 1700000000001"));
        Assert.Equal((HttpStatusCode.InternalServerError, """{"code":"internal error","message":"[0x21f] invalid key or key is too long than 64:1700000000001"}"""), (answer.Status, answer.Text));
        Assert.Equal(0, (await fixture.SqlAsync("show sml_http_err.stables")).Json.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Opentsdb_json_and_telnet_write_and_refuse_as_its_plugin_does()
    {
        await DatabaseAsync("sml_tsdb");
        var answer = await fixture.PostAsync("/opentsdb/v1/put/json/sml_tsdb",
            Body("""{"metric":"sys.cpu","timestamp":1700000000,"value":18,"tags":{"host":"web01"}}"""));
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        answer = await fixture.PostAsync("/opentsdb/v1/put/telnet/sml_tsdb", Body("sys.mem 1700000000000 42 host=web01\r\nsys.mem 1700000001000 43 host=web01\r\n"));
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(["1", "18"], await RowAsync("select count(*), sum(_value) from sml_tsdb.sys_cpu"));
        Assert.Equal(["2", "85"], await RowAsync("select count(*), sum(_value) from sml_tsdb.sys_mem"));

        answer = await fixture.PostAsync("/opentsdb/v1/put/telnet/sml_tsdb", Body("sys.mem 1 42 host=web01"), noAuth: true);
        Assert.Equal((HttpStatusCode.Unauthorized, """{"code":401,"message":"auth needed"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/opentsdb/v1/put/telnet/sml_tsdb?ttl=x", Body("sys.mem 1 42 host=web01"));
        Assert.Equal((HttpStatusCode.BadRequest, """{"code":400,"message":"illegal param, ttl must be numeric strconv.Atoi: parsing \"x\": invalid syntax"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/opentsdb/v1/put/telnet/sml_tsdb", Body("sys.mem 1700000002000 44 host=web01\nsys.mem 17 45 host=web01"));
        Assert.Equal((HttpStatusCode.InternalServerError, """{"code":500,"message":"[0x3002] timestamp precision can only be seconds(10 digits) or milli seconds(13 digits)"}"""), (answer.Status, answer.Text));
        answer = await fixture.PostAsync("/opentsdb/v1/put/json/sml_tsdb", Body("sys.mem"), ServerFixture.Basic("root", "nope"));
        Assert.Equal((HttpStatusCode.InternalServerError, """{"code":500,"message":"[0x357] Authentication failure"}"""), (answer.Status, answer.Text));
        Assert.Equal(["2", "85"], await RowAsync("select count(*), sum(_value) from sml_tsdb.sys_mem"));
    }
}
