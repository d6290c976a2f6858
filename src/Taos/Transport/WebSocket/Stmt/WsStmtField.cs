using System.Text.Json;

namespace Taos.Transport.WebSocket.Stmt;

/// <summary>One entry of the <c>fields</c> of <c>get_col_fields</c>/<c>get_tag_fields</c>.</summary>
/// <param name="Name">The column or tag name.</param>
/// <param name="Type">Its TDengine type.</param>
/// <param name="Precision">For a TIMESTAMP: the table's precision (0 ms, 1 us, 2 ns).</param>
/// <param name="Bytes">Its block <c>bytes</c>: the fixed size, or the declared length + 2 (NCHAR 4 × chars + 2).</param>
internal sealed record WsStmtField(string Name, TaosDataType Type, int Precision, int Bytes)
{
    /// <summary>The most bytes one value may take in a bind block (the declared length in bytes).</summary>
    public int MaxValueBytes => Bytes - 2;

    /// <summary>Reads a <c>fields</c> array (the reader on its start).</summary>
    /// <exception cref="JsonException">Not an array of field objects.</exception>
    public static WsStmtField[] ReadArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("fields is not an array");
        var fields = new List<WsStmtField>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string name = "";
            int type = 0, precision = 0, bytes = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string property = reader.GetString()!;
                reader.Read();
                switch (property)
                {
                    case "name": name = reader.GetString() ?? ""; break;
                    case "field_type": type = reader.GetInt32(); break;
                    case "precision": precision = reader.GetInt32(); break;
                    case "bytes": bytes = reader.GetInt32(); break;
                    default: reader.Skip(); break;
                }
            }
            fields.Add(new WsStmtField(name, (TaosDataType)type, precision, bytes));
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("fields is not an array of objects");
        return [.. fields];
    }
}
