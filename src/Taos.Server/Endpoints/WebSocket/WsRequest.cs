using System.Text.Json;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// One JSON request of the WebSocket protocol, <c>{"action":…,"req_id":…,"args":{…}}</c>. <see cref="TopRequestId"/>
/// is the top-level <c>req_id</c> (0 when absent); <see cref="RequestId"/> is the one replies echo: the top-level one
/// when non-zero, else <c>args.req_id</c>. Request ids are read as unsigned 64-bit integers, never through a double.
/// </summary>
internal sealed class WsRequest
{
    private readonly JsonElement _args;

    private WsRequest(string action, ulong topRequestId, JsonElement args)
    {
        Action = action;
        TopRequestId = topRequestId;
        _args = args;
    }

    /// <summary>The action name ("" when the request has none).</summary>
    public string Action { get; }

    /// <summary>The top-level <c>req_id</c>, 0 when absent.</summary>
    public ulong TopRequestId { get; }

    /// <summary>The <c>req_id</c> replies echo (see the type's summary); valid once <see cref="TryReadRequestId"/> succeeded.</summary>
    public ulong RequestId { get; private set; }

    /// <summary>
    /// Parses a text frame; false when it is not a JSON object or its top-level fields have the wrong types
    /// (taosAdapter logs and drops such a message without a reply).
    /// </summary>
    public static bool TryParse(JsonElement root, out WsRequest? request)
    {
        request = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        string action = "";
        ulong top = 0;
        JsonElement args = default;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "action" when property.Value.ValueKind == JsonValueKind.String:
                    action = property.Value.GetString()!;
                    break;
                case "action" when property.Value.ValueKind != JsonValueKind.Null:
                    return false;
                case "req_id" when property.Value.ValueKind != JsonValueKind.Null:
                    if (!property.Value.TryGetUInt64(out top)) return false;
                    break;
                case "args":
                    args = property.Value;
                    break;
            }
        }
        request = new WsRequest(action, top, args);
        request.RequestId = top;
        return true;
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
        if (!TryGet(name, out JsonElement element))
        {
            return _args.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object;
        }
        return element.ValueKind == JsonValueKind.Null || (element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out value));
    }

    /// <summary>A string argument ("" when absent or null); false when present with another type.</summary>
    public bool TryGetString(string name, out string value)
    {
        value = "";
        if (!TryGet(name, out JsonElement element))
        {
            return _args.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object;
        }
        if (element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }
        return element.ValueKind == JsonValueKind.Null;
    }

    /// <summary>An argument as it is (arrays and objects included); false when absent.</summary>
    public bool TryGet(string name, out JsonElement element)
    {
        element = default;
        return _args.ValueKind == JsonValueKind.Object && _args.TryGetProperty(name, out element);
    }
}
