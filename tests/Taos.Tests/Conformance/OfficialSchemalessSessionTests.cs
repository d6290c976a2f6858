using System.Text.Json;
using Taos.Schemaless;
using Taos.Tests.Integration;

namespace Taos.Tests.Conformance;

/// <summary>
/// The schemaless part of the official C# connector's session against a real TDengine 3.3.0.1 (connections 18-21
/// of shared/conformance/ws/official-clients, copied to <c>Conformance/data/official_csharp_schemaless.txt</c>): each
/// recorded <c>insert</c> is sent through <see cref="TaosConnection.SchemalessInsert(string, TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>
/// and answers as recorded (success, or the recorded code and message); the recorded queries after them read what
/// the recorded blocks hold.
/// </summary>
public abstract class OfficialSchemalessSessionTests(ServerFixture server)
{
    /// <summary>One recorded <c>insert</c>: its arguments and the code and message of its reply.</summary>
    private sealed record RecordedInsert(int Connection, long RequestId, int Protocol, string Precision, int Ttl, string Data, int Code, string Message);

    private static List<RecordedInsert> ReadInserts()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Conformance", "data", "official_csharp_schemaless.txt");
        var inserts = new List<RecordedInsert>();
        JsonElement? pending = null;
        foreach (string line in File.ReadLines(path))
        {
            int json = line.IndexOf("> {", StringComparison.Ordinal);
            if (json < 0) continue;
            using var doc = JsonDocument.Parse(line[(json + 2)..]);
            var root = doc.RootElement;
            if (line.Contains(" C> ", StringComparison.Ordinal) && root.GetProperty("action").GetString() == "insert")
            {
                pending = root.GetProperty("args").Clone();
            }
            else if (pending is { } args && line.Contains(" S> ", StringComparison.Ordinal) && root.GetProperty("action").GetString() == "insert")
            {
                inserts.Add(new RecordedInsert(int.Parse(line[1..line.IndexOf(' ')]), args.GetProperty("req_id").GetInt64(),
                    args.GetProperty("protocol").GetInt32(), args.GetProperty("precision").GetString()!, args.GetProperty("ttl").GetInt32(),
                    args.GetProperty("data").GetString()!, root.GetProperty("code").GetInt32(), root.GetProperty("message").GetString()!));
                pending = null;
            }
        }
        return inserts;
    }

    private static TaosSchemalessPrecision Precision(string text) => text switch
    {
        "" => TaosSchemalessPrecision.NotConfigured,
        "ms" => TaosSchemalessPrecision.Milliseconds,
        _ => throw new InvalidDataException("a precision the recording does not use: " + text),
    };

    [Fact]
    public void Recorded_inserts_answer_as_recorded_and_write_what_the_recorded_queries_read()
    {
        server.Run("drop database if exists offws_sml", "create database offws_sml");
        using var c = new TaosConnection(server.ConnectionString("offws_sml"));
        c.Open();
        var inserts = ReadInserts();
        Assert.Equal([18, 19, 20, 21], inserts.Select(i => i.Connection));
        foreach (var insert in inserts)
        {
            void Send() => c.SchemalessInsert(insert.Data, (TaosSchemalessProtocol)insert.Protocol, Precision(insert.Precision), insert.Ttl, insert.RequestId);
            if (insert.Code == 0)
            {
                Send();
                continue;
            }
            var e = Assert.Throws<TaosException>(Send);
            Assert.Equal(insert.Code, e.ErrorCode);
            Assert.Equal(insert.Message, e.Description);
            Assert.Equal(insert.RequestId, e.RequestId);
        }
        // #18: count 2, sum(vol) 441, last(name) "y"; two child tables named as TDengine names them.
        using (var r = new TaosCommand("select count(*), sum(vol), last(name) from offws_sml.sml_line", c).ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal([2L, 441L, "y"], new object[] { r.GetInt64(0), r.GetInt64(1), r.GetString(2) });
        }
        var names = new List<string>();
        using (var r = new TaosCommand("select distinct tbname from offws_sml.sml_line", c).ExecuteReader())
        {
            while (r.Read()) names.Add(r.GetString(0));
        }
        Assert.Equal(["t_66750147c2477fd6601581aea0348f8a", "t_b50ed161d16ead3d71b8146b29237450"], names.Order());
        // #19 and #20: count 2 each, sum(_value) 22.0 and 20.0; #21's failed insert left sml_line at 2 rows.
        Assert.Equal(22.0, new TaosCommand("select sum(_value) from offws_sml.sml_telnet", c).ExecuteScalar());
        Assert.Equal(20.0, new TaosCommand("select sum(_value) from offws_sml.sml_json", c).ExecuteScalar());
        Assert.Equal(2L, new TaosCommand("select count(*) from offws_sml.sml_line", c).ExecuteScalar());
    }
}

[Collection(ServerCollection.Name)]
public sealed class OfficialSchemalessSessionTestsOverRest(ServerFixture server) : OfficialSchemalessSessionTests(server);

[Collection(WsServerCollection.Name)]
public sealed class OfficialSchemalessSessionTestsOverWebSocket(WsServerFixture server) : OfficialSchemalessSessionTests(server);
