using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Tests.Engine.Schemaless;

/// <summary>Schemaless ingest into the engine: the three protocols, TDengine's names and types, schema evolution, atomic failures.</summary>
public sealed class SchemalessWriterTests : EngineTestBase
{
    private int Insert(string data, SmlProtocol protocol = SmlProtocol.Line, string precision = "ms") =>
        Engine.InsertSchemaless("root", "d", data, protocol, SmlTimeUnits.Parse(precision));

    private void InsertFails(string data, int code, string message, SmlProtocol protocol = SmlProtocol.Line, string precision = "ms")
    {
        var e = Assert.Throws<TaosServerException>(() => Insert(data, protocol, precision));
        Assert.Equal((code, message), (e.Code, e.Message));
    }

    [Fact]
    public void Line_protocol_creates_the_super_table_and_md5_named_children_as_the_official_client_session_shows()
    {
        Assert.Equal(2, Insert("sml_line,host=h1,region=r1 cur=1.5,vol=220i32,ok=true,name=\"x\" 1700000000000\n"
            + "sml_line,host=h2,region=r1 cur=2.5,vol=221i32,ok=false,name=\"y\" 1700000001000"));
        Assert.Equal([2L, 441L, "y"], Assert.Single(Rows("select count(*), sum(vol), last(name) from sml_line")));
        Assert.Equal(["t_66750147c2477fd6601581aea0348f8a", "t_b50ed161d16ead3d71b8146b29237450"],
            Rows("select distinct tbname from sml_line order by tbname").Select(r => (string)r[0]!).ToList());
        var describe = Rows("describe sml_line").Select(r => $"{r[0]} {r[1]} {r[2]}").ToList();
        Assert.Equal(["_ts TIMESTAMP 8", "cur DOUBLE 8", "vol INT 4", "ok BOOL 1", "name VARCHAR 2", "host NCHAR 4", "region NCHAR 4"], describe);
    }

    [Fact]
    public void New_fields_and_tags_are_added_and_narrow_strings_widened()
    {
        Insert("m,host=a v=1i 1700000000000");
        Insert("m,host=abcdefghij,dc=x v=2i,s=\"hello world!\",w=L\"ü\" 1700000001000");
        var describe = Rows("describe m").Select(r => $"{r[0]} {r[1]} {r[2]}").ToList();
        Assert.Equal(["_ts TIMESTAMP 8", "v BIGINT 8", "s VARCHAR 16", "w NCHAR 4", "host NCHAR 16", "dc NCHAR 2"], describe);
        var rows = Rows("select v, s, `host`, dc from m order by _ts");
        Assert.Equal([1L, null, "a", null], rows[0]);
        Assert.Equal([2L, "hello world!", "abcdefghij", "x"], rows[1]);
    }

    [Fact]
    public void A_bad_line_or_a_type_conflict_writes_nothing_of_the_request()
    {
        InsertFails("m,host=a v=1i 1700000000000\nsml_bad,host=h1 1700000000000", 543,
            "invalid key or key is too long than 64:1700000000000");
        Assert.Empty(Rows("show stables"));
        Insert("m,host=a v=1i 1700000000000");
        InsertFails("m,host=a v=2i 1700000001000\nm,host=a v=\"s\" 1700000002000", 0x3004, "Not the same type like before");
        InsertFails("m,host=b v=1.5 1700000003000", 0x3002, "Invalid data format");
        InsertFails("m,host=a v=1i,v=2i 1700000004000", 9788, "Duplicated column names");
        InsertFails("m,host=a v=1i,host=2i 1700000004000", 9788, "Duplicated column names");
        InsertFails("n,v=a v=1i 1700000004000", 9788, "Duplicated column names");
        InsertFails("m,host=a v=1x 1700000004000", 0x0203, "smlParseValue error:1x 1700000004000");
        InsertFails("m,host=a v=\"a 1700000004000", 0x3002, "unbalanced quotes:\"a 1700000004000");
        InsertFails("m,host=a v=1i 17000000x", 0x3002, "invalid timestamp:17000000x");
        Assert.Equal([1L, 1L], Assert.Single(Rows("select count(*), sum(v) from m")));
        Assert.Single(Rows("show tables"));
    }

    [Fact]
    public void Line_protocol_reads_escapes_suffixes_and_precisions()
    {
        Insert("my\\ m,k\\,1=a\\ b i8=-5i8,u16=7u16,f=1.5f32,b=b\"\\x0102\",t=T,q=\"say \\\"hi\\\"\" 1700000000", precision: "s");
        Assert.Equal([1700000000000L, (sbyte)-5, (ushort)7, 1.5f, new byte[] { 1, 2 }, true, "say \"hi\"", "a b"],
            Assert.Single(Rows("select * from `my m`")));
        Insert("n v=1 1700000000000000000", precision: "");
        Assert.Equal(1700000000000L, Rows("select _ts from n")[0][0]);
        InsertFails("n v=1i8000 1700000000000", 0x0203, "smlParseValue error:1i8000 1700000000000");
        InsertFails("n v=300i8 1700000000000", 0x0203, "smlParseValue error:300i8 1700000000000");
    }

    [Fact]
    public void Telnet_and_json_go_to_the_value_column_with_their_timestamp_rules()
    {
        Insert("sml_telnet 1700000000 10.5 host=h1 dc=d1\nsml_telnet 1700000001 11.5 host=h1 dc=d1", SmlProtocol.Telnet, "");
        Assert.Equal([2L, 22.0], Assert.Single(Rows("select count(*), sum(_value) from sml_telnet")));
        Assert.Equal(1700000001000L, Rows("select last(_ts) from sml_telnet")[0][0]);
        Insert("[{\"metric\":\"sml_json\",\"timestamp\":1700000000000,\"value\":9.5,\"tags\":{\"host\":\"h1\"}},"
            + "{\"metric\":\"sml_json\",\"timestamp\":{\"value\":1700000001,\"type\":\"s\"},\"value\":10.5,\"tags\":{\"host\":\"h1\"}}]", SmlProtocol.Json, "");
        Assert.Equal([2L, 20.0], Assert.Single(Rows("select count(*), sum(_value) from sml_json")));
        InsertFails("sml_telnet 17000000 1 host=h1", SmlErrors.InvalidData, "timestamp precision can only be seconds(10 digits) or milli seconds(13 digits)",
            SmlProtocol.Telnet, "");
        InsertFails("sml_telnet 1700000000 1 =h1", 543, "invalid key or key is too long than 64:=h1", SmlProtocol.Telnet, "");
        InsertFails("[{\"metric\":\"sml_json\"", SmlErrors.InvalidData, "Invalid data format", SmlProtocol.Json, "");
        Assert.Equal(2L, Rows("select count(*) from sml_json")[0][0]);
    }

    [Fact]
    public void Child_tables_created_by_a_request_get_its_ttl()
    {
        Engine.InsertSchemaless("root", "d", "m,host=a v=1i 1700000000000", SmlProtocol.Line, SmlTimeUnit.Milliseconds, ttl: 7);
        Engine.InsertSchemaless("root", "d", "m,host=a v=2i 1700000001000\nm,host=b v=3i 1700000001000", SmlProtocol.Line, SmlTimeUnit.Milliseconds);
        var rows = Rows("select table_name, `ttl` from information_schema.ins_tables where db_name = 'd' order by `ttl`");
        Assert.Equal([0, 7], rows.Select(r => r[1]).ToList());
    }

    [Fact]
    public void Ingested_tables_survive_a_restart()
    {
        Insert("m,host=a v=1i 1700000000000");
        Reopen();
        Insert("m,host=a v=2i,w=3i 1700000001000");
        Assert.Equal([2L, 3L], Assert.Single(Rows("select count(*), sum(v) from m")));
    }

    [Fact]
    public void A_bad_line_after_thousands_of_good_ones_writes_nothing_and_the_good_ones_then_go_in()
    {
        string good = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"big,g={i % 3} v={i}i64,f={i}.5,s=\"é{i}\" {1700000000000L + i}"));
        InsertFails(good + "\nbig,g=1 v=1i64,f=2.5,s=\"x 1700000009999", 0x3002, "unbalanced quotes:\"x 1700000009999");
        InsertFails(good + "\nbig,g=1 v=1.5 1700000009999", 0x3004, "Not the same type like before");
        Assert.Empty(Rows("show stables"));
        Assert.Equal(5000, Insert(good + "\r\n# done\r\n"));
        Assert.Equal([5000L, 12497500L, "é4999"], Assert.Single(Rows("select count(*), sum(v), last(s) from big")));
        Assert.Equal(3, Rows("select distinct tbname from big").Count);
    }
}
