using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// InfluxDB line protocol as TDengine 3.3's clientSml reads it:
/// <c>measurement[,tag=value…] field=value[,field=value…] [timestamp]</c>, one point per line, <c>\</c> escaping
/// <c>,</c>, space and <c>=</c> (only <c>,</c> and space in the measurement; <c>"</c> and <c>\</c> in string fields).
/// Tag values are NCHAR. Errors carry clientSml's message with the rest of the data from the fault on.
/// </summary>
internal sealed class InfluxLineParser
{
    private const int MaxKeyBytes = 64;
    private const int MaxMeasurementBytes = 192;

    private readonly string _data;
    private readonly SmlTimeUnit _unit;
    // Lines of one request repeat their series (measurement and tags) and their keys: each is read once.
    private readonly Dictionary<string, SmlSeries> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmlSeries>.AlternateLookup<ReadOnlySpan<char>> _seriesBySpan;
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private int _lineStart;

    private InfluxLineParser(string data, SmlTimeUnit unit)
    {
        _data = data;
        _unit = unit == SmlTimeUnit.NotConfigured ? SmlTimeUnit.Nanoseconds : unit;
        _seriesBySpan = _series.GetAlternateLookup<ReadOnlySpan<char>>();
        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The points of every non-empty line that is not a <c>#</c> comment.</summary>
    public static List<SmlPoint> Parse(string data, SmlTimeUnit unit)
    {
        var parser = new InfluxLineParser(data, unit);
        var points = new List<SmlPoint>();
        int pos = 0;
        while (pos < data.Length)
        {
            int end = data.IndexOf('\n', pos);
            if (end < 0) end = data.Length;
            int start = pos;
            pos = end + 1;
            while (start < end && data[start] == ' ') start++;
            while (end > start && data[end - 1] is '\r' or ' ') end--;
            if (start == end || data[start] == '#') continue;
            parser._lineStart = start;
            points.Add(parser.ParseLine(start, end));
        }
        return points;
    }

    private bool Escaped(int i) => i > _lineStart && _data[i - 1] == '\\';

    private bool Is(int i, char c) => _data[i] == c && !Escaped(i);

    private string Rest(int i) => _data[i..];

    private SmlPoint ParseLine(int start, int end)
    {
        if (_data[start] == ',') throw SmlErrors.InvalidFormat();
        int seriesEnd = start;
        while (seriesEnd < end && !Is(seriesEnd, ' ')) seriesEnd++;
        if (!_seriesBySpan.TryGetValue(_data.AsSpan(start, seriesEnd - start), out var series))
        {
            series = ParseSeries(start, end);
            _series[series.Key] = series;
        }
        int i = start + series.Key.Length;
        while (i < end && _data[i] == ' ') i++;
        var fields = new List<SmlKv>();
        i = ParseFields(i, end, fields);
        while (i < end && _data[i] == ' ') i++;
        return new SmlPoint(series.Measurement, series.Tags, fields, Timestamp(i, end)) { Series = series.Key };
    }

    /// <summary>Reads the measurement and the tags of a line (its series, up to the first unescaped space).</summary>
    private SmlSeries ParseSeries(int start, int end)
    {
        int i = start;
        while (i < end && !Is(i, ',') && !Is(i, ' ')) i++;
        string measurement = Unescape(_data[start..i], ",  ");
        int bytes = Encoding.UTF8.GetByteCount(measurement);
        if (bytes == 0 || bytes > MaxMeasurementBytes)
            throw SmlErrors.Data(SmlErrors.InvalidTableIdLength, "measure is empty or too large than 192", null);
        var tags = new List<SmlKv>();
        if (i < end && _data[i] == ',') i = ParseTags(i + 1, end, tags);
        return new SmlSeries(_data[start..i], measurement, tags);
    }

    /// <summary>Reads a key up to its <c>=</c>; returns where its value starts.</summary>
    private int Key(int i, int end, out string key)
    {
        int start = i;
        int keyEnd = -1;
        while (i < end)
        {
            if (Is(i, ' ') || Is(i, ',')) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", Rest(i));
            if (Is(i, '='))
            {
                keyEnd = i;
                break;
            }
            i++;
        }
        key = keyEnd < 0 ? "" : Intern(start, keyEnd);
        int bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes == 0 || bytes > MaxKeyBytes)
            throw SmlErrors.Data(SmlErrors.InvalidColumnLength, "invalid key or key is too long than 64", Rest(start));
        return keyEnd + 1;
    }

    private int ParseTags(int i, int end, List<SmlKv> tags)
    {
        while (i < end && !Is(i, ' '))
        {
            i = Key(i, end, out string key);
            int start = i;
            while (i < end && !Is(i, ' ') && !Is(i, ','))
            {
                if (Is(i, '=')) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", Rest(i));
                i++;
            }
            if (i == start) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", Rest(start));
            string value = Unescape(_data[start..i], ", =");
            tags.Add(new SmlKv(key, TaosDataType.NChar, value, Encoding.UTF8.GetByteCount(value)));
            if (i < end && _data[i] == ',') i++;
        }
        return i;
    }

    private int ParseFields(int i, int end, List<SmlKv> fields)
    {
        while (i < end && !Is(i, ' '))
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
                if (quotes % 2 == 0 && (Is(i, ' ') || Is(i, ','))) break;
                i++;
            }
            if (quotes is not (0 or 2)) throw SmlErrors.Data(SmlErrors.InvalidData, "unbalanced quotes", Rest(start));
            if (i == start) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", Rest(start));
            var raw = _data.AsSpan(start, i - start);
            var text = quotes == 0 || !raw.Contains('\\') ? raw : UnescapeString(raw.ToString());
            fields.Add(SmlValueParser.TryParse(key, text) ?? throw SmlErrors.Data(SmlErrors.InvalidValue, "smlParseValue error", Rest(start)));
            if (i < end && _data[i] == ',') i++;
        }
        return i;
    }

    private SmlTimestamp Timestamp(int i, int end)
    {
        string text = _data[i..end];
        if (text.Length == 0 || text == "0") return new SmlTimestamp(0, _unit);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ts))
            throw SmlErrors.Data(SmlErrors.InvalidData, "invalid timestamp", Rest(i));
        return new SmlTimestamp(ts, _unit);
    }

    /// <summary>The key between <paramref name="start"/> and <paramref name="end"/>, unescaped, as one string per request.</summary>
    private string Intern(int start, int end)
    {
        var raw = _data.AsSpan(start, end - start);
        if (_keysBySpan.TryGetValue(raw, out string? key)) return key;
        key = Unescape(raw.ToString(), ", =");
        _keys[raw.ToString()] = key;
        return key;
    }

    /// <summary>Removes the <c>\</c> before any of <paramref name="escapable"/>.</summary>
    private static string Unescape(string text, string escapable)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && escapable.Contains(text[i + 1])) i++;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>A quoted field value with <c>\"</c> and <c>\\</c> unescaped (the quotes and any prefix stay).</summary>
    private static string UnescapeString(string text) => Unescape(text, "\"\\");
}
