using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// One JSON request of the WebSocket protocol, <c>{"action":…,"req_id":…,"args":{…}}</c>. <see cref="TopRequestId"/>
/// is the top-level <c>req_id</c> (0 when absent); <see cref="RequestId"/> is the one replies echo: the top-level one
/// when non-zero, else <c>args.req_id</c>. Request ids are read as unsigned 64-bit integers, never through a double.
/// The frame is read once with a <see cref="Utf8JsonReader"/>: <c>args</c> is kept as its UTF-8 text (the frame's own
/// bytes, not a copy: a request is valid while its frame is being handled) with where each of its properties lies, so
/// a scalar argument (or a large string such as schemaless <c>data</c>) is read without building a document of the
/// whole request; an argument asked for as a <see cref="JsonElement"/> parses <c>args</c> then (into its own memory).
/// </summary>
internal sealed class WsRequest
{
    // The args' text and, when it is an object, its properties (the last of a name wins, as JsonElement finds them).
    private readonly ReadOnlyMemory<byte> _args;
    private readonly JsonValueKind _argsKind;
    private readonly Dictionary<string, Range> _properties;
    private JsonElement? _argsElement;

    private WsRequest(string action, ulong topRequestId, ReadOnlyMemory<byte> args, JsonValueKind argsKind, Dictionary<string, Range> properties)
    {
        Action = action;
        TopRequestId = topRequestId;
        _args = args;
        _argsKind = argsKind;
        _properties = properties;
    }

    /// <summary>The action name ("" when the request has none).</summary>
    public string Action { get; }

    /// <summary>The top-level <c>req_id</c>, 0 when absent.</summary>
    public ulong TopRequestId { get; }

    /// <summary>The <c>req_id</c> replies echo (see the type's summary); valid once <see cref="TryReadRequestId"/> succeeded.</summary>
    public ulong RequestId { get; private set; }

    /// <summary>Parses a request already read as a JSON value; see <see cref="TryParse(ReadOnlyMemory{byte}, out WsRequest?)"/>.</summary>
    public static bool TryParse(JsonElement root, out WsRequest? request) => TryParse(JsonSerializer.SerializeToUtf8Bytes(root), out request);

    /// <summary>
    /// Parses a text frame; false when it is not a JSON object or its top-level fields have the wrong types
    /// (taosAdapter logs and drops such a message without a reply). A frame that is not JSON throws <see cref="JsonException"/>.
    /// The request reads <paramref name="frame"/>'s memory: it must stay as it is while the request is used.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> frame, out WsRequest? request)
    {
        request = null;
        var reader = new Utf8JsonReader(frame.Span);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }
        string action = "";
        ulong top = 0;
        ReadOnlyMemory<byte> args = default;
        var argsKind = JsonValueKind.Undefined;
        var properties = new Dictionary<string, Range>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("action"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String) action = reader.GetString()!;
                else if (reader.TokenType != JsonTokenType.Null) return false;
            }
            else if (reader.ValueTextEquals("req_id"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null && !(reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out top))) return false;
            }
            else if (reader.ValueTextEquals("args"u8))
            {
                reader.Read();
                (args, argsKind) = ReadArgs(ref reader, frame, properties);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        request = new WsRequest(action, top, args, argsKind, properties);
        request.RequestId = top;
        return true;
    }

    /// <summary>Reads the value of <c>args</c> (the reader on its first token): its text and its kind; <paramref name="properties"/> receives an object's properties.</summary>
    private static (ReadOnlyMemory<byte> Args, JsonValueKind Kind) ReadArgs(ref Utf8JsonReader reader, ReadOnlyMemory<byte> frame,
        Dictionary<string, Range> properties)
    {
        properties.Clear();
        int start = (int)reader.TokenStartIndex;
        var kind = reader.TokenType switch
        {
            JsonTokenType.StartObject => JsonValueKind.Object,
            JsonTokenType.Null => JsonValueKind.Null,
            _ => JsonValueKind.Array, // any other kind answers like an array: not an object, not null
        };
        if (kind != JsonValueKind.Object)
        {
            reader.Skip();
            return (frame[start..(int)reader.BytesConsumed], kind);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            int valueStart = (int)reader.TokenStartIndex - start;
            reader.Skip();
            properties[name] = valueStart..((int)reader.BytesConsumed - start);
        }
        return (frame[start..(int)reader.BytesConsumed], kind);
    }

    /// <summary>Reads <c>args.req_id</c> (when the top-level one is 0); false when <c>args</c> does not unmarshal.</summary>
    public bool TryReadRequestId()
    {
        if (!TryGetUInt64("req_id", out ulong argsId))
        {
            return false;
        }
        RequestId = TopRequestId != 0 ? TopRequestId : argsId;
        return true;
    }

    /// <summary>An unsigned integer argument (0 when absent or null); false when present with another type.</summary>
    public bool TryGetUInt64(string name, out ulong value)
    {
        value = 0;
        if (!_properties.TryGetValue(name, out var range))
        {
            return ArgsUnmarshal;
        }
        var raw = _args.Span[range];
        return raw.SequenceEqual("null"u8) || ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A string argument ("" when absent or null); false when present with another type.</summary>
    public bool TryGetString(string name, out string value)
    {
        value = "";
        if (!_properties.TryGetValue(name, out var range))
        {
            return ArgsUnmarshal;
        }
        var reader = new Utf8JsonReader(_args.Span[range]);
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return true;
        }
        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>
    /// A string argument as UTF-8 (empty when absent or null), unescaped; false when present with another type. When
    /// it had escapes, <paramref name="rented"/> is the <see cref="ArrayPool{T}.Shared"/> array holding it, for the
    /// caller to return. Text that is not valid UTF-8 fails as <see cref="TryGetString"/> fails on it.
    /// </summary>
    public bool TryGetUtf8String(string name, out ReadOnlyMemory<byte> value, out byte[]? rented)
    {
        value = default;
        rented = null;
        if (!_properties.TryGetValue(name, out var range))
        {
            return ArgsUnmarshal;
        }
        var reader = new Utf8JsonReader(_args.Span[range]);
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null;
        }
        if (!reader.ValueIsEscaped)
        {
            // The value without its quotes, as the frame has it.
            var (offset, length) = range.GetOffsetAndLength(_args.Length);
            value = _args.Slice(offset + 1, length - 2);
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            value = rented.AsMemory(0, reader.CopyString(rented));
        }
        if (!Utf8.IsValid(value.Span))
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            rented = null;
            value = Encoding.UTF8.GetBytes(reader.GetString()!);
        }
        return true;
    }

    /// <summary>An argument as it is (arrays and objects included); false when absent.</summary>
    public bool TryGet(string name, out JsonElement element)
    {
        element = default;
        if (!_properties.ContainsKey(name))
        {
            return false;
        }
        if (_argsElement is null)
        {
            var reader = new Utf8JsonReader(_args.Span);
            _argsElement = JsonElement.ParseValue(ref reader);
        }
        return _argsElement.Value.TryGetProperty(name, out element);
    }

    // What an absent argument answers: args absent, null or an object unmarshal (to zero values); anything else does not.
    private bool ArgsUnmarshal => _argsKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object;
}
