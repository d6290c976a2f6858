using System.Buffers;
using System.Globalization;

namespace Taos.Protocol.Rest;

/// <summary>
/// Writes taosAdapter's REST answers byte for byte: a result
/// (<c>{"code":0,"column_meta":[[name,TYPE,length],…],"data":[[…],…],"rows":N}</c>), an affected-rows answer (the
/// same shape with the single column <c>affected_rows</c>) and a message answer (<c>{"code":N,"desc":"…"}</c>).
/// A result is written in parts — <see cref="WriteResultStart"/>, <see cref="WriteColumn"/> per column,
/// <see cref="WriteDataStart"/>, <see cref="WriteRow"/> per row, <see cref="WriteResultEnd"/> — so that the caller can
/// flush while rows are still being produced; <see cref="Pending"/> tells how much is buffered.
/// The field names are <see cref="RestProtocol"/>'s, the ones <see cref="RestEnvelopeReader"/> reads.
/// </summary>
internal sealed class RestEnvelopeWriter
{
    private readonly RestJsonWriter _json;
    private int _columns;
    private long _rows;

    /// <summary>Creates a writer appending UTF-8 to <paramref name="output"/>.</summary>
    public RestEnvelopeWriter(IBufferWriter<byte> output) => _json = new RestJsonWriter(output);

    /// <summary>Bytes written since the last <see cref="ResetPending"/>: the caller flushes when this grows.</summary>
    public long Pending => _json.Pending;

    /// <summary>Starts counting <see cref="Pending"/> from zero again (after a flush).</summary>
    public void ResetPending() => _json.ResetPending();

    /// <summary>A <c>{"code":N,"desc":"…"}</c> answer (an error, or a login's token with code 0), escaped like Go's encoding/json.</summary>
    public void WriteMessage(int code, string desc)
    {
        _json.WriteByte((byte)'{');
        WriteName(RestProtocol.Code);
        _json.WriteInt64(code);
        _json.WriteByte((byte)',');
        WriteName(RestProtocol.Desc);
        _json.WriteGoString(desc);
        _json.WriteByte((byte)'}');
    }

    /// <summary>The whole answer to a DDL statement or an INSERT: one <c>affected_rows</c> INT column, one row.</summary>
    public void WriteAffectedRows(int affectedRows)
    {
        WriteResultStart();
        WriteColumn(RestProtocol.AffectedRowsColumn, TaosDataType.Int, 4);
        WriteDataStart();
        _json.WriteByte((byte)'[');
        _json.WriteInt64(affectedRows);
        _json.WriteByte((byte)']');
        _rows++;
        WriteResultEnd();
    }

    /// <summary>Starts a successful result: <c>{"code":0,"column_meta":[</c>.</summary>
    public void WriteResultStart()
    {
        _columns = 0;
        _rows = 0;
        _json.WriteByte((byte)'{');
        WriteName(RestProtocol.Code);
        _json.WriteByte((byte)'0');
        _json.WriteByte((byte)',');
        WriteName(RestProtocol.ColumnMeta);
        _json.WriteByte((byte)'[');
    }

    /// <summary>One <c>column_meta</c> entry: <c>["name","TYPE",length]</c>, the length written as an unsigned 32-bit number.</summary>
    public void WriteColumn(string name, TaosDataType type, int length)
    {
        if (_columns++ > 0) _json.WriteByte((byte)',');
        _json.WriteByte((byte)'[');
        _json.WriteDataString(name);
        _json.WriteByte((byte)',');
        _json.WriteByte((byte)'"');
        _json.WriteAscii(TaosTypes.Name(type));
        _json.WriteByte((byte)'"');
        _json.WriteByte((byte)',');
        // TDengine writes the width unsigned: a declared size of 0 bytes shows as 4294967294 (CONCAT with a NULL argument).
        _json.WriteInt64((uint)length);
        _json.WriteByte((byte)']');
    }

    /// <summary>Ends <c>column_meta</c> and opens <c>data</c>: <c>],"data":[</c>.</summary>
    public void WriteDataStart()
    {
        _json.WriteByte((byte)']');
        _json.WriteByte((byte)',');
        WriteName(RestProtocol.Data);
        _json.WriteByte((byte)'[');
    }

    /// <summary>
    /// One row: each value rendered for its column's type (see <see cref="WriteValue"/>); a row shorter than
    /// <paramref name="types"/> is padded with nulls.
    /// </summary>
    public void WriteRow(ReadOnlySpan<TaosDataType> types, ReadOnlySpan<object?> row, TaosPrecision precision, TimeZoneInfo? zone)
    {
        if (_rows++ > 0) _json.WriteByte((byte)',');
        _json.WriteByte((byte)'[');
        for (int i = 0; i < types.Length; i++)
        {
            if (i > 0) _json.WriteByte((byte)',');
            WriteValue(types[i], i < row.Length ? row[i] : null, precision, zone);
        }
        _json.WriteByte((byte)']');
    }

    /// <summary>Ends <c>data</c> and the answer with the number of rows written: <c>],"rows":N}</c>.</summary>
    public void WriteResultEnd()
    {
        _json.WriteByte((byte)']');
        _json.WriteByte((byte)',');
        WriteName(RestProtocol.Rows);
        _json.WriteInt64(_rows);
        _json.WriteByte((byte)'}');
    }

    /// <summary>
    /// One value as taosAdapter renders it: null as <c>null</c>; TIMESTAMP ticks (<see cref="long"/>) and
    /// <see cref="DateTime"/> as RFC 3339 text in <paramref name="precision"/> and <paramref name="zone"/> (UTC when
    /// null); JSON text as it is; integers and booleans bare; FLOAT/DOUBLE as Go formats them (NaN and infinities as
    /// <c>null</c>); strings escaped like taosAdapter's builder; bytes as lowercase hex.
    /// </summary>
    public void WriteValue(TaosDataType type, object? value, TaosPrecision precision, TimeZoneInfo? zone)
    {
        switch (value)
        {
            case null:
                _json.WriteNull();
                return;
            case long ticks when type == TaosDataType.Timestamp:
                WriteTimestamp(ticks, precision, zone);
                return;
            case string json when type == TaosDataType.Json:
                _json.WriteRawText(json);
                return;
            case bool b: _json.WriteBool(b); return;
            case sbyte v: _json.WriteInt64(v); return;
            case short v: _json.WriteInt64(v); return;
            case int v: _json.WriteInt64(v); return;
            case long v: _json.WriteInt64(v); return;
            case byte v: _json.WriteUInt64(v); return;
            case ushort v: _json.WriteUInt64(v); return;
            case uint v: _json.WriteUInt64(v); return;
            case ulong v: _json.WriteUInt64(v); return;
            case float f:
                if (float.IsFinite(f)) _json.WriteAscii(FloatText.FormatFloat(f));
                else _json.WriteNull();
                return;
            case double d:
                if (double.IsFinite(d)) _json.WriteAscii(FloatText.FormatDouble(d));
                else _json.WriteNull();
                return;
            case string s: _json.WriteDataString(s); return;
            case byte[] bytes: _json.WriteHexString(bytes); return;
            case DateTime dt:
                WriteTimestamp(ToTicks(dt, precision), precision, zone);
                return;
            default:
                _json.WriteDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
        }
    }

    private static long ToTicks(DateTime value, TaosPrecision precision)
    {
        long sinceEpoch = (value.ToUniversalTime() - DateTime.UnixEpoch).Ticks;
        return precision switch
        {
            TaosPrecision.Microseconds => sinceEpoch / 10,
            TaosPrecision.Nanoseconds => sinceEpoch * 100,
            _ => sinceEpoch / TimeSpan.TicksPerMillisecond,
        };
    }

    private void WriteTimestamp(long ticks, TaosPrecision precision, TimeZoneInfo? zone)
    {
        Span<char> text = stackalloc char[RestTimestamp.MaxFormattedLength];
        int length = RestTimestamp.FormatTo(text, ticks, precision, zone);
        _json.WriteByte((byte)'"');
        _json.WriteAscii(text[..length]);
        _json.WriteByte((byte)'"');
    }

    /// <summary><c>"name":</c> for one of <see cref="RestProtocol"/>'s field names (ASCII).</summary>
    private void WriteName(string name)
    {
        _json.WriteByte((byte)'"');
        _json.WriteAscii(name);
        _json.WriteByte((byte)'"');
        _json.WriteByte((byte)':');
    }
}
