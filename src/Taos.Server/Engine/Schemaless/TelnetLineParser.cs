using System.Text;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// OpenTSDB telnet lines as TDengine 3.3's clientSml reads them: <c>metric timestamp value tag=v …</c> separated by
/// spaces; the value read like a line-protocol field (into column <c>_value</c>), tag values NCHAR, a timestamp in
/// seconds (10 digits) or milliseconds (13 digits) unless a precision is given. Reads the UTF-8 bytes as they arrived.
/// </summary>
internal static class TelnetLineParser
{
    private const int MaxKeyBytes = 64;
    private const int MaxMetricBytes = 192;

    /// <summary>The points of every non-empty line of the UTF-8 <paramref name="data"/> that is not a <c>#</c> comment.</summary>
    public static List<SmlPoint> Parse(ReadOnlySpan<byte> data, SmlTimeUnit unit)
    {
        var points = new List<SmlPoint>(data.Count((byte)'\n') + 1);
        var parts = new List<Range>();
        int pos = 0;
        while (pos < data.Length)
        {
            int end = data[pos..].IndexOf((byte)'\n');
            end = end < 0 ? data.Length : pos + end;
            int start = pos;
            pos = end + 1;
            var line = data[start..end].Trim(" \r"u8);
            if (line.Length == 0 || line[0] == '#') continue;
            points.Add(ParseLine(line, data[start..], unit, parts));
        }
        return points;
    }

    private static SmlPoint ParseLine(ReadOnlySpan<byte> line, ReadOnlySpan<byte> rest, SmlTimeUnit unit, List<Range> parts)
    {
        Split(line, parts);
        var metric = line[parts[0]];
        if (metric.Length > MaxMetricBytes) throw SmlErrors.Data(SmlErrors.InvalidTableIdLength, "measure is empty or too large than 192", null);
        if (parts.Count < 2) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", SmlText.Quote(rest));
        var timestamp = OpenTsdbTime.Parse(line[parts[1]], unit);
        if (parts.Count < 3) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", SmlText.Quote(rest));
        var value = SmlValueParser.TryParse(OpenTsdbTime.ValueColumn, line[parts[2]])
            ?? throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", SmlText.Quote(rest));
        var tags = new List<SmlKv>();
        for (int i = 3; i < parts.Count; i++)
        {
            var part = line[parts[i]];
            int eq = part.IndexOf((byte)'=');
            var key = eq < 0 ? [] : part[..eq];
            if (key.Length == 0 || key.Length > MaxKeyBytes)
                throw SmlErrors.Data(SmlErrors.InvalidColumnLength, "invalid key or key is too long than 64", SmlText.Quote(part));
            var tagValue = part[(eq + 1)..];
            if (tagValue.Length == 0) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", SmlText.Quote(part));
            tags.Add(new SmlKv(Encoding.UTF8.GetString(key), TaosDataType.NChar, Encoding.UTF8.GetString(tagValue), tagValue.Length));
        }
        return new SmlPoint(Encoding.UTF8.GetString(metric), tags, [value], timestamp);
    }

    /// <summary>The space-separated parts of <paramref name="line"/> (runs of spaces separate once).</summary>
    private static void Split(ReadOnlySpan<byte> line, List<Range> parts)
    {
        parts.Clear();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ') i++;
            int start = i;
            while (i < line.Length && line[i] != ' ') i++;
            if (i > start) parts.Add(start..i);
        }
    }
}
