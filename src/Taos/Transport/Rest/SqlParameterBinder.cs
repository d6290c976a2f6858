using System.Globalization;
using System.Text;

namespace Taos.Transport.Rest;

/// <summary>
/// The REST transport's parameter binding (TDengine's REST interface has none): replaces <c>@name</c> and <c>?</c> placeholders outside string literals,
/// quoted identifiers and comments with SQL literals. String values are quoted so that no content can end the
/// literal early (see <see cref="AppendString"/>).
/// </summary>
internal static class SqlParameterBinder
{
    public static string Bind(string sql, IReadOnlyList<TaosRequestParameter> parameters, TimeZoneInfo? timeZone)
    {
        if (parameters.Count == 0 && sql.IndexOfAny(['?', '@']) < 0)
        {
            return sql;
        }
        var sb = new StringBuilder(sql.Length + 32);
        int positional = 0;
        int i = 0;
        while (i < sql.Length)
        {
            int verbatim = SqlText.VerbatimEnd(sql, i);
            if (verbatim > i)
            {
                sb.Append(sql, i, verbatim - i);
                i = verbatim;
                continue;
            }
            char c = sql[i];
            switch (c)
            {
                case '?':
                {
                    if (positional >= parameters.Count)
                    {
                        throw new InvalidOperationException(TaosStrings.TooFewPositional(positional));
                    }
                    var p = parameters[positional++];
                    AppendLiteral(sb, p.Name.Length > 0 ? p.Name : "?" + positional.ToString(CultureInfo.InvariantCulture), p.Value, timeZone);
                    i++;
                    break;
                }
                case '@' when i + 1 < sql.Length && SqlText.IsNameChar(sql[i + 1]):
                {
                    int start = i + 1;
                    int end = start;
                    while (end < sql.Length && SqlText.IsNameChar(sql[end])) end++;
                    string name = sql[start..end];
                    var p = Find(parameters, name) ?? throw new InvalidOperationException(TaosStrings.MissingParameter("@" + name));
                    AppendLiteral(sb, "@" + name, p.Value, timeZone);
                    i = end;
                    break;
                }
                default:
                    sb.Append(c);
                    i++;
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>The parameter named <paramref name="name"/>, compared without prefix and case as the parameter collection does.</summary>
    private static TaosRequestParameter? Find(IReadOnlyList<TaosRequestParameter> parameters, string name)
    {
        foreach (var p in parameters)
        {
            if (string.Equals(ParameterNameComparer.Normalize(p.Name), name, StringComparison.OrdinalIgnoreCase))
            {
                return p;
            }
        }
        return null;
    }

    public static void AppendLiteral(StringBuilder sb, string name, object? value, TimeZoneInfo? timeZone)
    {
        switch (value)
        {
            case null or DBNull:
                sb.Append("NULL");
                return;
            case string s:
                AppendString(sb, name, s);
                return;
            case char ch:
                AppendString(sb, name, ch.ToString());
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case Enum e:
                sb.Append(Convert.ToString(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                return;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case float f:
                if (!float.IsFinite(f)) throw new ArgumentException(TaosStrings.NonFiniteParameter(name));
                sb.Append(f.ToString("R", CultureInfo.InvariantCulture));
                return;
            case double d:
                if (!double.IsFinite(d)) throw new ArgumentException(TaosStrings.NonFiniteParameter(name));
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case TaosTimestamp ts:
                sb.Append('\'').Append(ts.ToSqlLiteral()).Append('\'');
                return;
            case DateTime dt:
                AppendDateTime(sb, ToUtc(dt, timeZone), TimeSpan.Zero);
                return;
            case DateTimeOffset dto:
                AppendDateTime(sb, dto.DateTime, dto.Offset);
                return;
            case byte[] bytes:
                AppendBytes(sb, bytes);
                return;
            case ReadOnlyMemory<byte> rom:
                AppendBytes(sb, rom.Span);
                return;
            case Memory<byte> mem:
                AppendBytes(sb, mem.Span);
                return;
            case Guid g:
                sb.Append('\'').Append(g.ToString("D")).Append('\'');
                return;
            default:
                throw new NotSupportedException(TaosStrings.UnsupportedParameterType(name, value.GetType()));
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> as a single-quoted literal. TDengine's lexer ends a string at an unescaped
    /// quote and treats a backslash as escaping the next character, so both are escaped: <c>'</c> is doubled and
    /// <c>\</c> becomes <c>\\</c>. Nothing else can end the literal.
    /// </summary>
    public static void AppendString(StringBuilder sb, string name, string value)
    {
        if (value.Contains('\0'))
        {
            throw new ArgumentException(TaosStrings.NulInString(name));
        }
        sb.Append('\'');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\'': sb.Append("''"); break;
                case '\\': sb.Append("\\\\"); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('\'');
    }

    private static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        sb.Append("'\\x").Append(Convert.ToHexString(bytes)).Append('\'');
    }

    private static DateTime ToUtc(DateTime value, TimeZoneInfo? timeZone) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ when timeZone is not null => TimeZoneInfo.ConvertTimeToUtc(value, timeZone),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static void AppendDateTime(StringBuilder sb, DateTime clock, TimeSpan offset)
    {
        // ISO 8601 with an explicit zone, so the server's own zone never changes the instant; only as many
        // fraction digits as the value needs (3 for ms, 6 for us, 7 for 100 ns).
        long subSecond = clock.Ticks % TimeSpan.TicksPerSecond;
        string format = subSecond % 10_000 == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff"
            : subSecond % 10 == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff"
            : "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff";
        sb.Append('\'').Append(clock.ToString(format, CultureInfo.InvariantCulture));
        if (offset == TimeSpan.Zero)
        {
            sb.Append('Z');
        }
        else
        {
            sb.Append(offset < TimeSpan.Zero ? '-' : '+').Append(offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture));
        }
        sb.Append('\'');
    }
}
