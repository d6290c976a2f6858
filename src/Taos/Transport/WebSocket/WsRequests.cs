using System.Buffers;
using System.Text.Json;

namespace Taos.Transport.WebSocket;

/// <summary>The JSON text frames the connector sends to <c>/ws</c>: <c>{"action":…,"args":{"req_id":…,…}}</c>.</summary>
internal static class WsRequests
{
    /// <summary><c>version</c>.</summary>
    public static byte[] Version(ulong requestId) => Write("version", requestId, static (_, _) => { }, 0);

    /// <summary><c>conn</c> with the credentials and the default database ("" for none).</summary>
    public static byte[] Connect(ulong requestId, string user, string password, string? database) =>
        Write("conn", requestId, static (w, a) =>
        {
            w.WriteString("user", a.user);
            w.WriteString("password", a.password);
            w.WriteString("db", a.database ?? "");
        }, (user, password, database));

    /// <summary><c>query</c> of one statement.</summary>
    public static byte[] Query(ulong requestId, string sql) => Write("query", requestId, static (w, s) => w.WriteString("sql", s), sql);

    /// <summary>
    /// <c>insert</c>, the schemaless write: <c>protocol</c> (1 line, 2 telnet, 3 JSON), <c>precision</c> as taosAdapter
    /// spells it, <c>ttl</c> and every line in <c>data</c> (see <see cref="WsInsertFrame"/>).
    /// </summary>
    public static byte[] Insert(ulong requestId, SchemalessRequest request) => WsInsertFrame.Build(requestId, request);

    /// <summary><c>fetch</c>, <c>fetch_block</c> or <c>free_result</c> of result <paramref name="resultId"/>.</summary>
    public static byte[] OfResult(string action, ulong requestId, ulong resultId) =>
        Write(action, requestId, static (w, id) => w.WriteNumber("id", id), resultId);

    /// <summary>A request <c>{"action":…,"args":{"req_id":…,…}}</c> whose further args <paramref name="args"/> writes.</summary>
    internal static byte[] Write<TState>(string action, ulong requestId, Action<Utf8JsonWriter, TState> args, TState state)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("action", action);
            writer.WriteStartObject("args");
            writer.WriteNumber("req_id", requestId);
            args(writer, state);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
