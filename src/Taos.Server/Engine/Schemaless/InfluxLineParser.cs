using System.Globalization;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// InfluxDB line protocol as TDengine 3.3's clientSml reads it:
/// <c>measurement[,tag=value…] field=value[,field=value…] [timestamp]</c>, one point per line, <c>\</c> escaping
/// <c>,</c>, space and <c>=</c> (only <c>,</c> and space in the measurement; <c>"</c> and <c>\</c> in string fields).
/// Tag values are NCHAR. Errors carry clientSml's message with the rest of the data from the fault on.
/// Reads the UTF-8 bytes as they arrived: a series (measurement and tags) and a key are decoded once per request,
/// found again by their bytes.
/// </summary>
internal ref struct InfluxLineParser
{
    private const int MaxKeyBytes = 64;
    private const int MaxMeasurementBytes = 192;

    private readonly ReadOnlySpan<byte> _data;
    private readonly SmlTimeUnit _unit;
    // Lines of one request repeat their series (measurement and tags) and their keys: each is read once.
    private readonly Dictionary<byte[], SmlSeries> _series = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], SmlSeries>.AlternateLookup<ReadOnlySpan<byte>> _seriesBySpan;
    private readonly Dictionary<byte[], (string Key, int Bytes)> _keys = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], (string Key, int Bytes)>.AlternateLookup<ReadOnlySpan<byte>> _keysBySpan;
    private readonly List<SmlKv> _fields = [];
    private SmlSeries? _lastSeries;
    private int _lineStart;

    private InfluxLineParser(ReadOnlySpan<byte> data, SmlTimeUnit unit)
    {
        _data = data;
        _unit = unit == SmlTimeUnit.NotConfigured ? SmlTimeUnit.Nanoseconds : unit;
        _seriesBySpan = _series.GetAlternateLookup<ReadOnlySpan<byte>>();
        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The points of every non-empty line of the UTF-8 <paramref name="data"/> that is not a <c>#</c> comment.</summary>
    public static List<SmlPoint> Parse(ReadOnlySpan<byte> data, SmlTimeUnit unit)
    {
        var parser = new InfluxLineParser(data, unit);
        var points = new List<SmlPoint>(data.Count((byte)'\n') + 1);
        int pos = 0;
        while (pos < data.Length)
        {
            int end = data[pos..].IndexOf((byte)'\n');
            end = end < 0 ? data.Length : pos + end;
            int start = pos;
            pos = end + 1;
            while (start < end && data[start] == ' ') start++;
            while (end > start && data[end - 1] is (byte)'\r' or (byte)' ') end--;
            if (start == end || data[start] == '#') continue;
            parser._lineStart = start;
            points.Add(parser.ParseLine(start, end));
        }
        return points;
    }

    private readonly bool Escaped(int i) => i > _lineStart && _data[i - 1] == '\\';

    private readonly bool Is(int i, byte c) => _data[i] == c && !Escaped(i);

    private readonly string Rest(int i) => SmlText.Quote(_data[i..]);

    private SmlPoint ParseLine(int start, int end)
    {
        if (_data[start] == ',') throw SmlErrors.InvalidFormat();
        int seriesEnd = start;
        while (seriesEnd < end && !Is(seriesEnd, (byte)' ')) seriesEnd++;
        var raw = _data[start..seriesEnd];
        SmlSeries? series = _lastSeries;
        if (series is null || !raw.SequenceEqual(series.Raw))
        {
            if (!_seriesBySpan.TryGetValue(raw, out series))
            {
                series = ParseSeries(start, end);
                _series[series.Raw] = series;
            }
            _lastSeries = series;
        }
        int i = start + series.Raw.Length;
        while (i < end && _data[i] == ' ') i++;
        i = ParseFields(i, end);
        while (i < end && _data[i] == ' ') i++;
        var fields = _fields.ToArray();
        _fields.Clear();
        return new SmlPoint(series.Measurement, series.Tags, fields, Timestamp(i, end)) { Series = series.Key };
    }

    /// <summary>Reads the measurement and the tags of a line (its series, up to the first unescaped space).</summary>
    private SmlSeries ParseSeries(int start, int end)
    {
        int i = start;
        while (i < end && !Is(i, (byte)',') && !Is(i, (byte)' ')) i++;
        string measurement = SmlText.Unescape(_data[start..i], ", "u8, out int bytes);
        if (bytes == 0 || bytes > MaxMeasurementBytes)
            throw SmlErrors.Data(SmlErrors.InvalidTableIdLength, "measure is empty or too large than 192", null);
        var tags = new List<SmlKv>();
        if (i < end && _data[i] == ',') i = ParseTags(i + 1, end, tags);
        var raw = _data[start..i];
        return new SmlSeries(System.Text.Encoding.UTF8.GetString(raw), raw.ToArray(), measurement, tags);
    }

    /// <summary>Reads a key up to its <c>=</c>; returns where its value starts.</summary>
    private int Key(int i, int end, out string key)
    {
        int start = i;
        int keyEnd = -1;
        while (i < end)
        {
            if (Is(i, (byte)' ') || Is(i, (byte)',')) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", Rest(i));
            if (Is(i, (byte)'='))
            {
                keyEnd = i;
                break;
            }
            i++;
        }
        int bytes = 0;
        key = keyEnd < 0 ? "" : Intern(start, keyEnd, out bytes);
        if (bytes == 0 || bytes > MaxKeyBytes)
            throw SmlErrors.Data(SmlErrors.InvalidColumnLength, "invalid key or key is too long than 64", Rest(start));
        return keyEnd + 1;
    }

    private int ParseTags(int i, int end, List<SmlKv> tags)
    {
        while (i < end && !Is(i, (byte)' '))
        {
            i = Key(i, end, out string key);
            int start = i;
            while (i < end && !Is(i, (byte)' ') && !Is(i, (byte)','))
            {
                if (Is(i, (byte)'=')) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", Rest(i));
                i++;
            }
            if (i == start) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", Rest(start));
            string value = SmlText.Unescape(_data[start..i], ", ="u8, out int bytes);
            tags.Add(new SmlKv(key, TaosDataType.NChar, value, bytes));
            if (i < end && _data[i] == ',') i++;
        }
        return i;
    }

    private int ParseFields(int i, int end)
    {
        while (i < end && !Is(i, (byte)' '))
        {
            i = Key(i, end, out string key);
            int start = i, quotes = 0;
            while (i < end)
            {
                if (_data[i] == '"' && !Escaped(i))
                {
                    i++;
                    if (++quotes > 2) break;
                    continue;
                }
                if (quotes % 2 == 0 && (Is(i, (byte)' ') || Is(i, (byte)','))) break;
                i++;
            }
            if (quotes is not (0 or 2)) throw SmlErrors.Data(SmlErrors.InvalidData, "unbalanced quotes", Rest(start));
            if (i == start) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", Rest(start));
            _fields.Add(Field(key, _data[start..i], quotes) ?? throw SmlErrors.Data(SmlErrors.InvalidValue, "smlParseValue error", Rest(start)));
            if (i < end && _data[i] == ',') i++;
        }
        return i;
    }

    /// <summary>A field's typed value; a quoted one with <c>\"</c> and <c>\\</c> unescaped first (the quotes and any prefix stay).</summary>
    private static SmlKv? Field(string key, ReadOnlySpan<byte> raw, int quotes)
    {
        if (quotes == 0 || !raw.Contains((byte)'\\')) return SmlValueParser.TryParse(key, raw);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(raw.Length);
        try
        {
            int n = SmlText.Unescape(raw, "\"\\"u8, buffer);
            return SmlValueParser.TryParse(key, buffer.AsSpan(0, n));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly SmlTimestamp Timestamp(int i, int end)
    {
        var text = _data[i..end];
        if (text.Length == 0 || text.SequenceEqual("0"u8)) return new SmlTimestamp(0, _unit);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ts))
            throw SmlErrors.Data(SmlErrors.InvalidData, "invalid timestamp", Rest(i));
        return new SmlTimestamp(ts, _unit);
    }

    /// <summary>The key between <paramref name="start"/> and <paramref name="end"/>, unescaped, as one string per request.</summary>
    private readonly string Intern(int start, int end, out int bytes)
    {
        var raw = _data[start..end];
        if (_keysBySpan.TryGetValue(raw, out var known))
        {
            bytes = known.Bytes;
            return known.Key;
        }
        string key = SmlText.Unescape(raw, ", ="u8, out bytes);
        _keys[raw.ToArray()] = (key, bytes);
        return key;
    }
}
