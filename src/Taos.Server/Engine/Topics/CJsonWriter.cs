using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Writes compact JSON as cJSON's <c>cJSON_PrintUnformatted</c> does: keys in insertion order, numbers as
/// <see cref="CFormat.Number"/>, strings escaping only <c>"</c>, <c>\</c> and control characters.
/// </summary>
internal sealed class CJsonWriter
{
    private readonly StringBuilder _text = new();
    private bool _first = true;

    /// <summary>Opens an object (as a value or an array element).</summary>
    public CJsonWriter Open() => Raw("{", open: true);

    /// <summary>Closes the innermost object.</summary>
    public CJsonWriter Close() => End("}");

    /// <summary>Opens an array (as a value).</summary>
    public CJsonWriter OpenArray() => Raw("[", open: true);

    /// <summary>Closes the innermost array.</summary>
    public CJsonWriter CloseArray() => End("]");

    /// <summary>Writes a key; its value follows.</summary>
    public CJsonWriter Key(string name)
    {
        Separate();
        Escape(name);
        _text.Append(':');
        _first = true;
        return this;
    }

    /// <summary>A string value.</summary>
    public CJsonWriter String(string value)
    {
        Separate();
        Escape(value);
        return this;
    }

    /// <summary>A number value.</summary>
    public CJsonWriter Number(double value) => Raw(CFormat.Number(value), open: false);

    /// <summary>A boolean value.</summary>
    public CJsonWriter Bool(bool value) => Raw(value ? "true" : "false", open: false);

    /// <summary>A key with a string value.</summary>
    public CJsonWriter Field(string key, string value) => Key(key).String(value);

    /// <summary>A key with a number value.</summary>
    public CJsonWriter Field(string key, double value) => Key(key).Number(value);

    /// <summary>The JSON written.</summary>
    public override string ToString() => _text.ToString();

    private CJsonWriter Raw(string token, bool open)
    {
        Separate();
        _text.Append(token);
        _first = open;
        return this;
    }

    private CJsonWriter End(string token)
    {
        _text.Append(token);
        _first = false;
        return this;
    }

    private void Separate()
    {
        if (!_first) _text.Append(',');
        _first = false;
    }

    private void Escape(string value)
    {
        _text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\b': _text.Append("\\b"); break;
                case '\f': _text.Append("\\f"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                default:
                    if (c < ' ') _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _text.Append(c);
                    break;
            }
        }
        _text.Append('"');
    }
}
