using System.Text.Json;

namespace Taos.Transport.WebSocket;

/// <summary>
/// A text reply of taosAdapter's <c>/ws</c>: the envelope (<c>code</c>, <c>message</c>, <c>action</c>,
/// <c>req_id</c>) and the fields of the actions the connector sends (<c>version</c>, <c>conn</c>, <c>query</c>,
/// <c>fetch</c>, errors of <c>fetch_block</c>, the stmt actions). Fields a reply does not carry keep their defaults.
/// </summary>
internal sealed class WsReply
{
    /// <summary>TDengine's error code (masked to 16 bits by the adapter); 0 for success.</summary>
    public int Code { get; private set; }

    /// <summary>The error message; empty for success.</summary>
    public string Message { get; private set; } = "";

    /// <summary>The action the reply answers.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The request id it answers.</summary>
    public ulong RequestId { get; private set; }

    /// <summary><c>query</c>/<c>fetch</c>: the result id (0 for a statement without result set).</summary>
    public ulong ResultId { get; private set; }

    /// <summary><c>query</c>: true for INSERT and DDL (no result set).</summary>
    public bool IsUpdate { get; private set; }

    /// <summary><c>query</c>: rows written by an INSERT.</summary>
    public long AffectedRows { get; private set; }

    /// <summary>True when the reply carried <c>affected_rows</c> (the schemaless <c>insert</c> of taosAdapter 3.3.0.1 does not).</summary>
    public bool HasAffectedRows { get; private set; }

    /// <summary><c>query</c>: the result's column names.</summary>
    public string[] FieldNames { get; private set; } = [];

    /// <summary><c>query</c>: the result's column type codes.</summary>
    public int[] FieldTypes { get; private set; } = [];

    /// <summary><c>query</c>: the declared lengths of the result's columns.</summary>
    public int[] FieldLengths { get; private set; } = [];

    /// <summary><c>query</c>: the precision of the result's timestamps (0 ms, 1 us, 2 ns).</summary>
    public int Precision { get; private set; }

    /// <summary><c>fetch</c>: true when the result is exhausted (and freed by the server).</summary>
    public bool Completed { get; private set; }

    /// <summary><c>fetch</c>: the rows of the prepared block.</summary>
    public int Rows { get; private set; }

    /// <summary>Stmt actions: the statement's id.</summary>
    public ulong StmtId { get; private set; }

    /// <summary>Stmt <c>prepare</c>: true for an INSERT.</summary>
    public bool IsInsert { get; private set; }

    /// <summary>Stmt <c>exec</c>: rows written.</summary>
    public long Affected { get; private set; }

    /// <summary>Stmt <c>get_col_fields</c>/<c>get_tag_fields</c>: the fields the placeholders bind.</summary>
    public Stmt.WsStmtField[] Fields { get; private set; } = [];

    /// <summary><c>version</c>: the server's version.</summary>
    public string? Version { get; private set; }

    /// <summary>The reply's JSON text when the socket keeps it (<see cref="WsSocket.KeepsReplyText"/>), else empty.</summary>
    public byte[] Text { get; private set; } = [];

    /// <summary>Parses one text frame; with <paramref name="keepText"/> the reply also keeps a copy of the JSON text.</summary>
    /// <exception cref="JsonException">The frame is not a JSON object, or a known field has the wrong type.</exception>
    public static WsReply Parse(ReadOnlySpan<byte> json, bool keepText = false)
    {
        var reader = new Utf8JsonReader(json);
        var reply = new WsReply { Text = keepText ? json.ToArray() : [] };
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            Expect(reader.Read());
            try
            {
                reply.Read(name, ref reader);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                // A field of the wrong JSON type, or a number out of its range.
                throw new JsonException($"field '{name}': {e.Message}", e);
            }
        }
        Expect(reader.TokenType == JsonTokenType.EndObject);
        return reply;
    }

    private void Read(string name, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        switch (name)
        {
            case "code": Code = reader.GetInt32(); break;
            case "message": Message = reader.GetString() ?? ""; break;
            case "action": Action = reader.GetString() ?? ""; break;
            case "req_id": RequestId = reader.GetUInt64(); break;
            case "id": ResultId = reader.GetUInt64(); break;
            case "is_update": IsUpdate = reader.GetBoolean(); break;
            case "affected_rows":
                AffectedRows = reader.GetInt64();
                HasAffectedRows = true;
                break;
            case "fields_names": FieldNames = ReadArray(ref reader, static (ref Utf8JsonReader r) => r.GetString() ?? ""); break;
            case "fields_types": FieldTypes = ReadArray(ref reader, static (ref Utf8JsonReader r) => r.GetInt32()); break;
            case "fields_lengths": FieldLengths = ReadArray(ref reader, static (ref Utf8JsonReader r) => r.GetInt32()); break;
            case "precision": Precision = reader.GetInt32(); break;
            case "completed": Completed = reader.GetBoolean(); break;
            case "rows": Rows = reader.GetInt32(); break;
            case "version": Version = reader.GetString(); break;
            case "stmt_id": StmtId = reader.GetUInt64(); break;
            case "result_id": ResultId = reader.GetUInt64(); break;
            case "is_insert": IsInsert = reader.GetBoolean(); break;
            case "affected": Affected = reader.GetInt64(); break;
            case "fields": Fields = Stmt.WsStmtField.ReadArray(ref reader); break;
            default: reader.Skip(); break;
        }
    }

    private delegate T ElementReader<out T>(ref Utf8JsonReader reader);

    private static T[] ReadArray<T>(ref Utf8JsonReader reader, ElementReader<T> read)
    {
        Expect(reader.TokenType == JsonTokenType.StartArray);
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(read(ref reader));
        }
        return [.. items];
    }

    private static void Expect(bool condition)
    {
        if (!condition) throw new JsonException("not a taosAdapter reply object");
    }
}
