using System.Globalization;
using System.Text;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>CAST and CASE, and the string truncation they share with the select list.</summary>
internal sealed partial class ExpressionCompiler
{
    private CExpr CompileCast(CastExpr cast)
    {
        var x = Compile(cast.Operand);
        var t = cast.Type.Type;
        int length = TaosTypesLength(cast.Type);
        var p = Precision;
        var z = Zone;
        bool isString = t is TaosDataType.VarChar or TaosDataType.NChar;
        bool fromTimestampToString = x.Type == TaosDataType.Timestamp && isString;
        bool timestampToTimestamp = x.Type == TaosDataType.Timestamp && t == TaosDataType.Timestamp;
        bool toNumber = t is not (TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.Json
            or TaosDataType.Bool or TaosDataType.Timestamp);
        return Derive(t, length, c =>
        {
            var v = x.Eval(c);
            if (v is null) return null;
            object? r;
            if (fromTimestampToString)
            {
                r = Values.ToLong(v).ToString(CultureInfo.InvariantCulture);
            }
            else if (timestampToTimestamp)
            {
                r = v;
            }
            else if (v is string sv)
            {
                // CAST reads strings as C's strtol/strtod do: a leading number or 0 ('true' → false, bad time → 0).
                if (t == TaosDataType.Bool) r = LeadingNumber(sv) != 0;
                else if (t == TaosDataType.Timestamp) r = Values.Convert(sv, t, p, z) ?? 0L;
                else if (toNumber)
                {
                    string trimmed = sv.Trim();
                    r = long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long exact) ? Values.Convert(exact, t, p, z)
                        : ulong.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong uexact) ? Values.Convert(uexact, t, p, z)
                        : Values.Convert(IsIntegerType(t) ? LeadingInteger(sv) : LeadingNumber(sv), t, p, z);
                }
                else r = Values.Convert(sv, t, p, z);
            }
            else if (t == TaosDataType.BigInt && v is float or double && !(Values.ToDouble(v) is >= -9.2233720368547758E18 and < 9.2233720368547758E18))
            {
                // C's double-to-int64 conversion of a value out of range (or NaN) gives INT64_MIN.
                r = long.MinValue;
            }
            else
            {
                r = Values.Convert(v, t, p, z);
            }
            if (isString && r is string s)
            {
                r = t == TaosDataType.NChar ? TruncateChars(s, length) : TruncateBytes(s, length);
            }
            return r;
        }, x);
    }

    /// <summary>
    /// TO_JSON(str): JSON(4095), the text when it is a non-empty object of scalar values (TDengine's JSON tag
    /// rules), else NULL.
    /// </summary>
    private CExpr CompileToJson(string name, IReadOnlyList<Expr> args)
    {
        var x = Arg(name, args, 0);
        if (!IsStringType(x)) throw ParamType(name);
        return Derive(TaosDataType.Json, 4095, c => x.Eval(c) is { } v ? JsonObjectText(Values.ToText(v)) : null, x);
    }

    private static string? JsonObjectText(string text)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.EnumerateObject().Any()) return null;
            bool scalars = root.EnumerateObject().All(p => p.Value.ValueKind is not (System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array));
            return scalars ? text.Trim() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsIntegerType(TaosDataType t) => t is TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int
        or TaosDataType.BigInt or TaosDataType.UTinyInt or TaosDataType.USmallInt or TaosDataType.UInt or TaosDataType.UBigInt;

    /// <summary>The leading integer of <paramref name="s"/> as C's strtoll reads it ('1e3' → 1), 0 when none.</summary>
    private static double LeadingInteger(string s)
    {
        var t = s.TrimStart();
        int n = 0;
        if (n < t.Length && (t[n] == '+' || t[n] == '-')) n++;
        while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
        return double.TryParse(t.AsSpan(0, n), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0;
    }

    /// <summary>The longest numeric prefix of <paramref name="s"/> (after leading spaces) as a double, 0 when none.</summary>
    private static double LeadingNumber(string s)
    {
        var t = s.TrimStart();
        int n = 0;
        if (n < t.Length && (t[n] == '+' || t[n] == '-')) n++;
        while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
        if (n < t.Length && t[n] == '.')
        {
            n++;
            while (n < t.Length && char.IsAsciiDigit(t[n])) n++;
        }
        if (n < t.Length && (t[n] == 'e' || t[n] == 'E'))
        {
            int m = n + 1;
            if (m < t.Length && (t[m] == '+' || t[m] == '-')) m++;
            if (m < t.Length && char.IsAsciiDigit(t[m]))
            {
                while (m < t.Length && char.IsAsciiDigit(t[m])) m++;
                n = m;
            }
        }
        return double.TryParse(t.AsSpan(0, n), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0;
    }

    private static int TaosTypesLength(TypeSpec spec) =>
        Protocol.TaosTypes.FixedSize(spec.Type) ?? spec.Length;

    public static string TruncateBytes(string s, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(s) <= maxBytes) return s;
        var bytes = Encoding.UTF8.GetBytes(s);
        int n = maxBytes;
        while (n > 0 && (bytes[n] & 0xC0) == 0x80) n--;
        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    public static string TruncateChars(string s, int maxChars)
    {
        // No string has more code points than UTF-16 units: the common short value needs no rune list.
        if (s.Length <= maxChars) return s;
        var runes = s.EnumerateRunes().ToList();
        return runes.Count <= maxChars ? s : string.Concat(runes.Take(maxChars).Select(r => r.ToString()));
    }

    private CExpr CompileCase(CaseExpr ce)
    {
        var operand = ce.Operand is null ? null : Compile(ce.Operand);
        var branches = ce.Branches.Select(br => (When: Compile(br.When), Then: Compile(br.Then))).ToArray();
        var elseExpr = ce.Else is null ? null : Compile(ce.Else);
        var typed = branches.Select(br => br.Then).Append(elseExpr).FirstOrDefault(x => x is not null && !x.IsNullLiteral) ?? branches[0].Then;
        var type = typed.Type;
        int length = typed.Length;
        if (typed.IsString)
        {
            length = branches.Select(br => br.Then).Append(elseExpr).Where(x => x is { IsString: true }).Max(x => x!.Length);
        }
        var p = Precision;
        var z = Zone;
        var parts = branches.SelectMany(br => new[] { br.When, br.Then }).Concat(operand is null ? [] : [operand]).Concat(elseExpr is null ? [] : [elseExpr]).ToArray();
        return Derive(type, length, c =>
        {
            object? key = operand?.Eval(c);
            foreach (var (when, then) in branches)
            {
                bool hit;
                if (operand is null)
                {
                    hit = Values.IsTrue(when.Eval(c));
                }
                else
                {
                    var wv = when.Eval(c);
                    hit = key is not null && wv is not null && Values.Compare(key, wv) == 0;
                }
                if (hit) return Values.Convert(then.Eval(c), type, p, z);
            }
            return elseExpr is null ? null : Values.Convert(elseExpr.Eval(c), type, p, z);
        }, parts);
    }
}
