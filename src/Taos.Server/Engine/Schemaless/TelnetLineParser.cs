using System.Text;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// OpenTSDB telnet lines as TDengine 3.3's clientSml reads them: <c>metric timestamp value tag=v …</c> separated by
/// spaces; the value read like a line-protocol field (into column <c>_value</c>), tag values NCHAR, a timestamp in
/// seconds (10 digits) or milliseconds (13 digits) unless a precision is given.
/// </summary>
internal static class TelnetLineParser
{
    private const int MaxKeyBytes = 64;
    private const int MaxMetricBytes = 192;

    /// <summary>The points of every non-empty line that is not a <c>#</c> comment.</summary>
    public static List<SmlPoint> Parse(string data, SmlTimeUnit unit)
    {
        var points = new List<SmlPoint>();
        int pos = 0;
        while (pos < data.Length)
        {
            int end = data.IndexOf('\n', pos);
            if (end < 0) end = data.Length;
            int start = pos;
            pos = end + 1;
            string line = data[start..end].Trim(' ', '\r');
            if (line.Length == 0 || line[0] == '#') continue;
            points.Add(ParseLine(line, data[start..], unit));
        }
        return points;
    }

    private static SmlPoint ParseLine(string line, string rest, SmlTimeUnit unit)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int metricBytes = Encoding.UTF8.GetByteCount(parts[0]);
        if (metricBytes > MaxMetricBytes) throw SmlErrors.Data(SmlErrors.InvalidTableIdLength, "measure is empty or too large than 192", null);
        if (parts.Length < 2) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid data", rest);
        var timestamp = OpenTsdbTime.Parse(parts[1], unit);
        if (parts.Length < 3) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", rest);
        var value = SmlValueParser.TryParse(OpenTsdbTime.ValueColumn, parts[2]) ?? throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", rest);
        var tags = new List<SmlKv>();
        for (int i = 3; i < parts.Length; i++)
        {
            int eq = parts[i].IndexOf('=');
            string key = eq < 0 ? "" : parts[i][..eq];
            int keyBytes = Encoding.UTF8.GetByteCount(key);
            if (keyBytes == 0 || keyBytes > MaxKeyBytes)
                throw SmlErrors.Data(SmlErrors.InvalidColumnLength, "invalid key or key is too long than 64", parts[i]);
            string tagValue = parts[i][(eq + 1)..];
            if (tagValue.Length == 0) throw SmlErrors.Data(SmlErrors.InvalidData, "invalid value", parts[i]);
            tags.Add(new SmlKv(key, TaosDataType.NChar, tagValue, Encoding.UTF8.GetByteCount(tagValue)));
        }
        return new SmlPoint(parts[0], tags, [value], timestamp);
    }
}
