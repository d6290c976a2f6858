using System.Buffers;
using Taos.Protocol.Rest;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// Builds one JSON reply in taosAdapter's key order: <c>code</c>, <c>message</c>, <c>action</c>, <c>req_id</c>,
/// <c>timing</c>, then the action's own fields (strings escaped like Go's encoding/json).
/// </summary>
internal sealed class WsReply
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly RestJsonWriter _json;

    private WsReply() => _json = new RestJsonWriter(_buffer);

    /// <summary>The reply's UTF-8 JSON text (valid once <see cref="End"/> was called).</summary>
    public ReadOnlyMemory<byte> Utf8 => _buffer.WrittenMemory;

    /// <summary>Starts a reply with the full header (<paramref name="timing"/> in nanoseconds).</summary>
    public static WsReply Start(int code, string message, string action, ulong requestId, long timing)
    {
        var reply = new WsReply();
        reply.Begin(code, message, action);
        reply.Field("req_id").UInt64(requestId);
        reply.Field("timing").Int64(timing);
        return reply;
    }

    /// <summary>Starts a reply with only <c>code</c>, <c>message</c> and <c>action</c> (the legacy <c>version</c> answer).</summary>
    public static WsReply StartBare(int code, string message, string action)
    {
        var reply = new WsReply();
        reply.Begin(code, message, action);
        return reply;
    }

    /// <summary>Writes the key of the next field.</summary>
    public WsReply Field(string name)
    {
        _json.WriteByte((byte)',');
        _json.WriteGoString(name);
        _json.WriteByte((byte)':');
        return this;
    }

    /// <summary>A signed number.</summary>
    public WsReply Int64(long value)
    {
        _json.WriteInt64(value);
        return this;
    }

    /// <summary>An unsigned number.</summary>
    public WsReply UInt64(ulong value)
    {
        _json.WriteUInt64(value);
        return this;
    }

    /// <summary>A boolean.</summary>
    public WsReply Bool(bool value)
    {
        _json.WriteBool(value);
        return this;
    }

    /// <summary>A string.</summary>
    public WsReply String(string value)
    {
        _json.WriteGoString(value);
        return this;
    }

    /// <summary>An array of strings.</summary>
    public WsReply Strings(IEnumerable<string> values)
    {
        _json.WriteByte((byte)'[');
        bool first = true;
        foreach (string value in values)
        {
            if (!first) _json.WriteByte((byte)',');
            first = false;
            _json.WriteGoString(value);
        }
        _json.WriteByte((byte)']');
        return this;
    }

    /// <summary>An array of numbers, or <c>null</c>.</summary>
    public WsReply Numbers(IEnumerable<long>? values)
    {
        if (values is null)
        {
            _json.WriteNull();
            return this;
        }
        _json.WriteByte((byte)'[');
        bool first = true;
        foreach (long value in values)
        {
            if (!first) _json.WriteByte((byte)',');
            first = false;
            _json.WriteInt64(value);
        }
        _json.WriteByte((byte)']');
        return this;
    }

    /// <summary>A value the caller already encoded as JSON (an array or object).</summary>
    public WsReply Json(ReadOnlySpan<byte> utf8)
    {
        _json.WriteRaw(utf8);
        return this;
    }

    /// <summary>A JSON <c>null</c>.</summary>
    public WsReply Null()
    {
        _json.WriteNull();
        return this;
    }

    /// <summary>Closes the object.</summary>
    public WsReply End()
    {
        _json.WriteByte((byte)'}');
        return this;
    }

    private void Begin(int code, string message, string action)
    {
        _json.WriteRaw("{\"code\":"u8);
        _json.WriteInt64(code);
        Field("message").String(message);
        Field("action").String(action);
    }
}
