using System.Buffers;
using System.Text;
using System.Text.Json;
namespace Taos.Protocol.Rest;

/// <summary>
/// Decodes a REST answer (<c>{"code":0,"column_meta":[…],"data":[[…],…],"rows":N}</c> or
/// <c>{"code":N,"desc":"…"}</c>) while it arrives: a <see cref="Utf8JsonReader"/> runs over a buffer refilled from
/// the response stream, and each row is decoded atomically — if the buffer ends inside a row, the row is
/// re-read from its start once more bytes are in. Memory is bounded by the largest row, not the response.
/// After the first row, the rows the server writes are decoded straight from the bytes by
/// <see cref="RestRowScanner"/>; what it declines is decoded here, with the same result.
/// The field names are <see cref="RestProtocol"/>'s, the ones <see cref="RestEnvelopeWriter"/> writes. A body that is
/// not such an answer throws <see cref="InvalidDataException"/> (or <see cref="JsonException"/> for broken JSON).
/// </summary>
internal sealed class RestEnvelopeReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state;
    private Phase _phase;
    private List<RestColumn>? _columns;
    private TaosDataType[] _types = [];
    // A row has been decoded by the JSON reader: its state is "after a row", which the rows RestRowScanner takes keep.
    private bool _afterRow;

    public RestEnvelopeReader(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    private enum Phase { Header, Rows, Done }

    public int Code { get; private set; }
    public string? Description { get; private set; }
    public IReadOnlyList<RestColumn> Columns => _columns ?? (IReadOnlyList<RestColumn>)[];
    /// <summary>The <c>rows</c> field, known once the data array has been read.</summary>
    public long? RowCount { get; private set; }
    public bool HasData => _phase == Phase.Rows;

    /// <summary>Reads up to the start of the <c>data</c> array (or the end of an error answer).</summary>
    public async ValueTask ReadHeaderAsync(bool async, CancellationToken cancellationToken)
    {
        while (!TryParseHeader())
        {
            await FillAsync(async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Decodes the next row into <paramref name="row"/>; false at the end of the data.</summary>
    public ValueTask<bool> ReadRowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        // Fast path without an async state machine: the row is already in the buffer (the common case).
        if (_phase != Phase.Rows)
        {
            return new ValueTask<bool>(false);
        }
        var parsed = TryParseRow(row);
        return parsed == RowResult.NeedMore
            ? ReadRowSlowAsync(row, async, cancellationToken)
            : new ValueTask<bool>(parsed == RowResult.Row);
    }

    private async ValueTask<bool> ReadRowSlowAsync(TaosValue[] row, bool async, CancellationToken cancellationToken)
    {
        await FillAsync(async, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (_phase != Phase.Rows)
            {
                return false;
            }
            switch (TryParseRow(row))
            {
                case RowResult.Row: return true;
                case RowResult.End: return false;
            }
            await FillAsync(async, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FillAsync(bool async, CancellationToken cancellationToken)
    {
        if (_eof)
        {
            throw Malformed(_end == 0 ? "the body is empty" : "the body ends in the middle of the JSON document");
        }
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // One row is larger than the buffer: grow it.
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int read = async
            ? await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false)
            : _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        _end += read;
    }

    private bool TryParseHeader()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, default);
        int code = 0;
        string? desc = null;
        long? rows = null;
        List<RestColumn>? columns = null;
        if (!reader.Read()) return false;
        if (reader.TokenType != JsonTokenType.StartObject) throw Malformed("the body is not a JSON object");
        while (true)
        {
            if (!reader.Read()) return false;
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                Commit(ref reader, Phase.Done, code, desc, columns, rows);
                return true;
            }
            string name = reader.GetString()!;
            if (!reader.Read()) return false;
            switch (name)
            {
                case RestProtocol.Code:
                    code = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw Malformed("code is not a number");
                    break;
                case RestProtocol.Desc:
                    desc = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    break;
                case RestProtocol.Rows:
                    rows = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
                    break;
                case RestProtocol.ColumnMeta:
                    columns = [];
                    if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("column_meta is not an array");
                    while (true)
                    {
                        if (!reader.Read()) return false;
                        if (reader.TokenType == JsonTokenType.EndArray) break;
                        if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("a column_meta entry is not an array");
                        if (!reader.Read()) return false;
                        string colName = reader.GetString() ?? "";
                        if (!reader.Read()) return false;
                        string typeName = reader.GetString() ?? "";
                        if (!reader.Read()) return false;
                        // TDengine writes the width unsigned (4294967294 for a 0-byte VARCHAR): read it back as the 32 bits it is.
                        int length = reader.TokenType != JsonTokenType.Number ? 0
                            : reader.TryGetInt32(out int signed) ? signed : reader.TryGetUInt32(out uint unsigned) ? unchecked((int)unsigned) : 0;
                        if (!reader.Read()) return false;
                        if (reader.TokenType != JsonTokenType.EndArray) throw Malformed("a column_meta entry has more than 3 items");
                        if (!TaosTypes.TryParseName(typeName, out var type)) type = TaosDataType.VarChar;
                        columns.Add(new RestColumn(colName, typeName, type, length));
                    }
                    break;
                case RestProtocol.Data:
                    if (reader.TokenType == JsonTokenType.Null) break;
                    if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("data is not an array");
                    Commit(ref reader, Phase.Rows, code, desc, columns, rows);
                    return true;
                default:
                    if (!reader.TrySkip()) return false;
                    break;
            }
        }
    }

    private void Commit(ref Utf8JsonReader reader, Phase phase, int code, string? desc, List<RestColumn>? columns, long? rows)
    {
        Code = code;
        Description = desc;
        _columns = columns;
        RowCount = rows;
        _types = columns is null ? [] : columns.Select(c => c.Type).ToArray();
        _phase = phase;
        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
    }

    private enum RowResult { NeedMore, Row, End }

    private RowResult TryParseRow(TaosValue[] row)
    {
        if (_afterRow)
        {
            int taken = RestRowScanner.TryScanRow(_buffer.AsSpan(_start, _end - _start), _types, row);
            if (taken > 0)
            {
                _start += taken;
                return RowResult.Row;
            }
        }
        var span = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(span, _eof, _state);
        if (!reader.Read()) return RowResult.NeedMore;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            // After the data: the remaining properties ("rows") up to the end of the object.
            long? rows = RowCount;
            while (true)
            {
                if (!reader.Read()) return RowResult.NeedMore;
                if (reader.TokenType == JsonTokenType.EndObject) break;
                string name = reader.GetString()!;
                if (!reader.Read()) return RowResult.NeedMore;
                if (name == RestProtocol.Rows && reader.TokenType == JsonTokenType.Number)
                {
                    rows = reader.GetInt64();
                }
                else if (!reader.TrySkip())
                {
                    return RowResult.NeedMore;
                }
            }
            RowCount = rows;
            _phase = Phase.Done;
            _start += (int)reader.BytesConsumed;
            return RowResult.End;
        }
        if (reader.TokenType != JsonTokenType.StartArray) throw Malformed("a data row is not an array");
        for (int i = 0; ; i++)
        {
            if (!reader.Read()) return RowResult.NeedMore;
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                if (i != _types.Length) throw Malformed("a data row has fewer values than column_meta has columns");
                break;
            }
            if (i >= _types.Length) throw Malformed("a data row has more values than column_meta has columns");
            if (!TryDecodeValue(ref reader, span, _types[i], ref row[i])) return RowResult.NeedMore;
        }
        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
        _afterRow = true;
        return RowResult.Row;
    }

    private static bool TryDecodeValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, TaosDataType type, ref TaosValue value)
    {
        value.Ref = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                value.Kind = TaosValueKind.Null;
                return true;
            case JsonTokenType.True or JsonTokenType.False when type != TaosDataType.Json:
                value.Kind = TaosValueKind.Bool;
                value.Int64 = reader.TokenType == JsonTokenType.True ? 1 : 0;
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.True or JsonTokenType.False
                or JsonTokenType.Number when type == TaosDataType.Json:
            {
                // A JSON tag: keep the value's JSON text exactly as the server sent it.
                int start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip()) return false;
                int end = (int)reader.BytesConsumed;
                value.Kind = TaosValueKind.Json;
                value.Ref = Encoding.UTF8.GetString(span[start..end]);
                return true;
            }
            case JsonTokenType.Number:
                DecodeNumber(ref reader, type, ref value);
                return true;
            case JsonTokenType.String:
                DecodeString(ref reader, type, ref value);
                return true;
            default:
                throw Malformed($"unexpected {reader.TokenType} in a data row");
        }
    }

    private static void DecodeNumber(ref Utf8JsonReader reader, TaosDataType type, ref TaosValue value)
    {
        switch (type)
        {
            case TaosDataType.Float:
                value.Kind = TaosValueKind.Float;
                value.Double = reader.GetSingle();
                return;
            case TaosDataType.Double:
                value.Kind = TaosValueKind.Double;
                value.Double = reader.GetDouble();
                return;
            case TaosDataType.UTinyInt or TaosDataType.USmallInt or TaosDataType.UInt or TaosDataType.UBigInt:
                value.Kind = TaosValueKind.UInt64;
                value.Int64 = unchecked((long)reader.GetUInt64());
                return;
            case TaosDataType.Timestamp:
                // Not rendered as text: epoch ticks of unknown precision, taken as milliseconds.
                value.Kind = TaosValueKind.Timestamp;
                value.Int64 = reader.GetInt64();
                value.Precision = TaosPrecision.Milliseconds;
                value.OffsetMinutes = 0;
                return;
            default:
                if (reader.TryGetInt64(out long l))
                {
                    value.Kind = TaosValueKind.Int64;
                    value.Int64 = l;
                }
                else if (reader.TryGetUInt64(out ulong ul))
                {
                    value.Kind = TaosValueKind.UInt64;
                    value.Int64 = unchecked((long)ul);
                }
                else
                {
                    value.Kind = TaosValueKind.Double;
                    value.Double = reader.GetDouble();
                }
                return;
        }
    }

    private static void DecodeString(ref Utf8JsonReader reader, TaosDataType type, ref TaosValue value)
    {
        switch (type)
        {
            case TaosDataType.Timestamp:
                DecodeTimestamp(ref reader, ref value);
                return;
            case TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Blob or TaosDataType.MediumBlob:
            {
                string hex = reader.GetString()!;
                try
                {
                    value.Ref = Convert.FromHexString(hex);
                }
                catch (FormatException)
                {
                    throw Malformed($"'{hex}' is not hexadecimal");
                }
                value.Kind = TaosValueKind.Bytes;
                return;
            }
            default:
                value.Kind = TaosValueKind.String;
                value.Ref = reader.GetString();
                return;
        }
    }

    private static void DecodeTimestamp(ref Utf8JsonReader reader, ref TaosValue value)
    {
        // Parsed from the raw bytes: a string per timestamp would be most of the per-row garbage. The text parser
        // decides what the byte parser leaves (escapes, years outside 2..9998, malformed text).
        long ticks;
        TaosPrecision precision;
        TimeSpan offset;
        if ((reader.ValueIsEscaped || !RestTimestamp.TryParseUtf8(reader.ValueSpan, out ticks, out precision, out offset)) &&
            !RestTimestamp.TryParse(reader.GetString(), out ticks, out precision, out offset))
        {
            throw Malformed($"'{reader.GetString()}' is not a timestamp");
        }
        value.Kind = TaosValueKind.Timestamp;
        value.Int64 = ticks;
        value.Precision = precision;
        value.OffsetMinutes = (short)offset.TotalMinutes;
    }

    private static InvalidDataException Malformed(string detail) => new(detail);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null!);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
