using System.Globalization;
using System.Text;

namespace Taos.Schemaless;

/// <summary>
/// The escaping of InfluxDB line protocol as TDengine reads it: a backslash before <c>,</c> and space in the
/// measurement; before <c>,</c>, <c>=</c> and space in tag keys, tag values and field keys; before <c>"</c> and
/// <c>\</c> inside string field values. A line cannot hold a newline, and a name or tag value cannot end with a
/// backslash (it would escape the separator or closing quote after it), so those are refused.
/// </summary>
internal static class LineProtocolText
{
    /// <summary>Appends the escaped measurement.</summary>
    /// <exception cref="ArgumentException">Empty, starting with <c>#</c> (a comment line), or not writable.</exception>
    public static void AppendMeasurement(StringBuilder sb, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name[0] == '#') throw new ArgumentException(SchemalessStrings.CommentMeasurement(name), nameof(name));
        Append(sb, name, nameof(name), static c => c is ',' or ' ');
    }

    /// <summary>Appends an escaped tag key, tag value or field key.</summary>
    /// <exception cref="ArgumentException">Empty or not writable.</exception>
    public static void AppendKey(StringBuilder sb, string text, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(text, paramName);
        Append(sb, text, paramName, static c => c is ',' or '=' or ' ');
    }

    /// <summary>
    /// Appends <c>prefix"text"</c> with <c>"</c> and <c>\</c> escaped. TDengine takes any quote after a backslash
    /// for an escaped one, so a text ending with a backslash cannot be closed and is refused.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a newline or ends with a backslash.</exception>
    public static void AppendQuoted(StringBuilder sb, string prefix, string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        if (text.Contains('\n')) throw new ArgumentException(SchemalessStrings.Newline(text), paramName);
        if (text.EndsWith('\\')) throw new ArgumentException(SchemalessStrings.TrailingBackslash(text), paramName);
        sb.Append(prefix).Append('"');
        foreach (char c in text)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        sb.Append('"');
    }

    /// <summary>Appends a floating-point value in its shortest round-trip form.</summary>
    /// <exception cref="ArgumentException">NaN or infinite, which TDengine cannot store.</exception>
    public static void AppendFloat(StringBuilder sb, double value, string paramName)
    {
        if (!double.IsFinite(value)) throw new ArgumentException(SchemalessStrings.NotFinite(paramName), paramName);
        sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void Append(StringBuilder sb, string text, string paramName, Func<char, bool> escaped)
    {
        if (text.Contains('\n')) throw new ArgumentException(SchemalessStrings.Newline(text), paramName);
        if (text[^1] == '\\') throw new ArgumentException(SchemalessStrings.TrailingBackslash(text), paramName);
        foreach (char c in text)
        {
            if (escaped(c)) sb.Append('\\');
            sb.Append(c);
        }
    }
}
