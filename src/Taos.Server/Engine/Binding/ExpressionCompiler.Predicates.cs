using System.Text.Json;
using System.Text.RegularExpressions;
using Taos.Protocol;
using Taos.Server.Engine.Text;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>Predicates: comparisons, BETWEEN, IN, IS NULL, LIKE/MATCH and the JSON operators.</summary>
internal sealed partial class ExpressionCompiler
{
    private CExpr CompileComparison(BinaryOp op, CExpr left, CExpr right)
    {
        left = Scalarize(left);
        right = Scalarize(right);
        right = ForFloat(left, right);
        left = ForFloat(right, left);
        if (left.Type == TaosDataType.Timestamp) right = CoerceForTimestamp(right);
        if (right.Type == TaosDataType.Timestamp) left = CoerceForTimestamp(left);
        Func<int, bool> test = op switch
        {
            BinaryOp.Equal => r => r == 0,
            BinaryOp.NotEqual => r => r != 0,
            BinaryOp.Less => r => r < 0,
            BinaryOp.LessOrEqual => r => r <= 0,
            BinaryOp.Greater => r => r > 0,
            _ => r => r >= 0,
        };
        var l = left;
        var r = right;
        // A comparison with NULL is false, never NULL; with the NULL literal it folds to a constant false.
        if (left.IsNullLiteral || right.IsNullLiteral) return CExpr.Constant(TaosDataType.Bool, 1, false);
        var compiled = Derive(TaosDataType.Bool, 1, c =>
        {
            if (l.Eval(c) is not { } lv || r.Eval(c) is not { } rv) return false;
            return test(Values.Compare(lv, rv));
        }, left, right);
        var comparison = ColumnConstant(op, left, right) ?? ColumnConstant(Mirror(op), right, left);
        return comparison is null ? compiled : new CExpr
        {
            Type = compiled.Type, Length = compiled.Length, Eval = compiled.Eval, UsesColumns = true, Comparison = comparison,
        };
    }

    /// <summary><c>column op constant</c> when <paramref name="column"/> is a bare numeric column and <paramref name="constant"/> a numeric constant.</summary>
    private static ColumnComparison? ColumnConstant(BinaryOp op, CExpr column, CExpr constant)
    {
        if (column.Slot is not { Kind: SlotKind.Column } slot || !constant.IsConstant) return null;
        if (column.Type is TaosDataType.Bool || !(TaosTypes.IsNumeric(column.Type) || column.Type == TaosDataType.Timestamp)) return null;
        var value = constant.Eval(new EvalContext());
        return value is not null && Values.IsNumeric(value) ? new ColumnComparison(slot.Index, op, value) : null;
    }

    /// <summary>The operator that gives the same answer with its operands swapped.</summary>
    internal static BinaryOp Mirror(BinaryOp op) => op switch
    {
        BinaryOp.Less => BinaryOp.Greater,
        BinaryOp.LessOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOp.Greater => BinaryOp.Less,
        BinaryOp.GreaterOrEqual => BinaryOp.LessOrEqual,
        _ => op,
    };

    private CExpr CompileBetween(BetweenExpr bt)
    {
        var x = Scalarize(Compile(bt.Operand));
        var lo = Compile(bt.Low);
        var hi = Compile(bt.High);
        if (x.Type == TaosDataType.Timestamp)
        {
            lo = CoerceForTimestamp(lo);
            hi = CoerceForTimestamp(hi);
        }
        lo = ForFloat(x, lo);
        hi = ForFloat(x, hi);
        bool negated = bt.Negated;
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (x.Eval(c) is not { } v || lo.Eval(c) is not { } l || hi.Eval(c) is not { } h) return false;
            bool inside = Values.Compare(v, l) >= 0 && Values.Compare(v, h) <= 0;
            return inside != negated;
        }, x, lo, hi);
    }

    private CExpr CompileIn(InExpr inExpr)
    {
        var x = Scalarize(Compile(inExpr.Operand));
        var items = inExpr.Values.Select(Compile).Select(i => x.Type == TaosDataType.Timestamp ? CoerceForTimestamp(i) : ForFloat(x, i)).ToArray();
        bool negated = inExpr.Negated;
        return Derive(TaosDataType.Bool, 1, c =>
        {
            // SQL's three-valued IN read as false for unknown: NULL never matches, and NOT IN a list holding NULL is never true.
            if (x.Eval(c) is not { } v) return false;
            bool sawNull = false;
            foreach (var item in items)
            {
                if (item.Eval(c) is not { } iv)
                {
                    sawNull = true;
                }
                else if (Values.Compare(v, iv) == 0)
                {
                    return !negated;
                }
            }
            return negated && !sawNull;
        }, [x, .. items]);
    }

    private CExpr CompileIsNull(IsNullExpr isNull)
    {
        var x = Compile(isNull.Operand);
        bool negated = isNull.Negated;
        return Derive(TaosDataType.Bool, 1, c => (x.Eval(c) is null) != negated, x);
    }

    private CExpr CompilePattern(BinaryExpr b)
    {
        var x = Scalarize(Compile(b.Left));
        var p = Compile(b.Right);
        bool like = b.Op is BinaryOp.Like or BinaryOp.NotLike;
        bool negated = b.Op is BinaryOp.NotLike or BinaryOp.NotMatch;
        Func<string, bool>? fixedMatcher = null;
        if (p.IsConstant && p.Eval(new EvalContext()) is string ps)
        {
            // An invalid regular expression matches nothing (TDengine 3.3.0.1 answers no rows, no error).
            fixedMatcher = Matcher(ps, like) ?? (_ => false);
        }
        return Derive(TaosDataType.Bool, 1, c =>
        {
            if (x.Eval(c) is not { } v) return null;
            var matcher = fixedMatcher;
            if (matcher is null)
            {
                if (p.Eval(c) is not { } pv) return null;
                matcher = Matcher(Values.ToText(pv), like);
                if (matcher is null) return false;
            }
            return matcher(Values.ToText(v)) != negated;
        }, x, p);
    }

    /// <summary>A LIKE pattern's or a MATCH regular expression's test; null for an invalid regular expression.</summary>
    private static Func<string, bool>? Matcher(string pattern, bool like)
    {
        if (like) return new LikePattern(pattern).IsMatch;
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant).IsMatch;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private CExpr CompileJsonGet(BinaryExpr b)
    {
        var j = Compile(b.Left);
        var k = Compile(b.Right);
        return Derive(TaosDataType.Json, 4095, c =>
        {
            if (j.Eval(c) is not string text || k.Eval(c) is not { } key) return null;
            return JsonMember(text, Values.ToText(key));
        }, j, k);
    }

    private static string? JsonMember(string json, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == key)
                {
                    return prop.Value.ValueKind == JsonValueKind.Null ? null : prop.Value.GetRawText();
                }
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON value compared with a plain value: strings unquoted, numbers as DOUBLE, booleans as BOOL.</summary>
    private static CExpr Scalarize(CExpr e)
    {
        if (e.Type != TaosDataType.Json) return e;
        return new CExpr
        {
            Type = TaosDataType.VarChar, Length = e.Length, IsConstant = e.IsConstant, HasAggregate = e.HasAggregate, UsesColumns = e.UsesColumns,
            Eval = c => e.Eval(c) is string text ? JsonScalar(text) : null,
        };
    }

    private static object? JsonScalar(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            return r.ValueKind switch
            {
                JsonValueKind.String => r.GetString(),
                JsonValueKind.Number => r.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => json,
            };
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private CExpr CompileContains(BinaryExpr b)
    {
        var j = Compile(b.Left);
        var k = Compile(b.Right);
        return Derive(TaosDataType.Bool, 1, c =>
        {
            var jv = j.Eval(c);
            if (jv is not string text || k.Eval(c) is not { } key) return jv is null ? false : null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(Values.ToText(key), out _);
            }
            catch (JsonException)
            {
                return false;
            }
        }, j, k);
    }
}
