using System.Globalization;
using Taos.Protocol;
using Taos.Server.Sql.Ast;
using Taos.Server.Engine.Time;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// Turns AST expressions into <see cref="CExpr"/>: resolves names against the FROM source, assigns TDengine's
/// result types, hands aggregate and multi-row calls to its <see cref="BindScope"/>, and raises TDengine's errors
/// for unknown names and bad arguments.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    private readonly BindScope _scope;

    public ExpressionCompiler(SourceLayout? layout, TaosPrecision precision, TimeZoneInfo zone, SqlSession session, long now)
        : this(layout, precision, zone, session, now, BindScope.Row)
    {
    }

    private ExpressionCompiler(SourceLayout? layout, TaosPrecision precision, TimeZoneInfo zone, SqlSession session, long now, BindScope scope)
    {
        Layout = layout;
        Precision = precision;
        Zone = zone;
        Session = session;
        Now = now;
        _scope = scope;
    }

    /// <summary>A compiler over the same source that binds in <paramref name="scope"/>.</summary>
    public ExpressionCompiler In(BindScope scope) => new(Layout, Precision, Zone, Session, Now, scope);

    public SourceLayout? Layout { get; }
    public TaosPrecision Precision { get; }
    public TimeZoneInfo Zone { get; }
    public SqlSession Session { get; }
    public long Now { get; }

    /// <summary>True while the arguments of an aggregate are compiled (aggregates do not nest).</summary>
    private bool _insideAggregate;

    /// <summary>How deep in the expression tree the node being compiled sits (1 for a whole select item).</summary>
    private int _depth;

    public CExpr Compile(Expr e)
    {
        _depth++;
        CExpr c;
        try
        {
            c = CompileCore(e);
        }
        finally
        {
            _depth--;
        }
        if (c.IsConstant && !c.IsNullLiteral && c.DurationUnit == '\0')
        {
            // Fold constants so that NOW() is read once and literals are not re-converted per row.
            object? v = c.Eval(new EvalContext());
            return new CExpr { Type = c.Type, Length = c.Length, Eval = _ => v, IsConstant = true, IsIntegerLiteral = c.IsIntegerLiteral };
        }
        return c;
    }

    private CExpr CompileCore(Expr e) => e switch
    {
        LiteralExpr lit => CompileLiteral(lit),
        ColumnExpr col => CompileColumn(col),
        FunctionExpr fn => CompileFunction(fn),
        UnaryExpr u => CompileUnary(u),
        BinaryExpr b => CompileBinary(b),
        BetweenExpr bt => CompileBetween(bt),
        InExpr inExpr => CompileIn(inExpr),
        IsNullExpr isNull => CompileIsNull(isNull),
        CastExpr cast => CompileCast(cast),
        CaseExpr ce => CompileCase(ce),
        StarExpr => throw SyntaxError(e.Text.Length > 0 ? e.Text : "*"),
        _ => throw SyntaxError(e.Text),
    };

    public static TaosServerException SyntaxError(string near) =>
        new(ServerErrorCode.SyntaxError, "syntax error near \"" + near + "\"");

    private CExpr CompileLiteral(LiteralExpr lit)
    {
        switch (lit.Kind)
        {
            case LiteralKind.Integer:
                return lit.Value is ulong u
                    ? CExpr.Constant(TaosDataType.UBigInt, 8, u, isInt: true)
                    : CExpr.Constant(TaosDataType.BigInt, 8, System.Convert.ToInt64(lit.Value, CultureInfo.InvariantCulture), isInt: true);
            case LiteralKind.Float:
                return CExpr.Constant(TaosDataType.Double, 8, System.Convert.ToDouble(lit.Value, CultureInfo.InvariantCulture));
            case LiteralKind.String:
                {
                    string s = (string)lit.Value!;
                    return CExpr.Constant(TaosDataType.VarChar, Values.Utf8Length(s), s);
                }
            case LiteralKind.Bool:
                return CExpr.Constant(TaosDataType.Bool, 1, (bool)lit.Value!);
            case LiteralKind.Null:
                return CExpr.Constant(TaosDataType.VarChar, 0, null, isNull: true);
            case LiteralKind.Duration:
                {
                    var d = (Duration)lit.Value!;
                    long ticks = Durations.Ticks(d, Precision);
                    return new CExpr
                    {
                        Type = TaosDataType.BigInt, Length = 8, Eval = _ => ticks, IsConstant = true,
                        DurationUnit = d.Unit, DurationValue = d.Value,
                    };
                }
            case LiteralKind.Timestamp:
                {
                    string s = (string)lit.Value!;
                    if (!TimestampText.TryParse(s, Precision, Zone, out long ticks))
                    {
                        throw new TaosServerException(ServerErrorCode.InvalidValue, "syntax error near '" + s + "' (invalid timestamp)");
                    }
                    return CExpr.Constant(TaosDataType.Timestamp, 8, ticks);
                }
            default:
                throw SyntaxError(lit.Text);
        }
    }

    private CExpr CompileColumn(ColumnExpr col)
    {
        string name = col.Name;
        switch (name.ToLowerInvariant())
        {
            case "_irowts" or "_isfilled" when _scope.Interp is not null:
                return InterpColumn(name.ToLowerInvariant());
            case "_wstart" or "_wend" or "_wduration" when !_scope.WindowColumns && Layout?.Find(name) is not null:
                // A subquery's result column of that name (e.g. its _wstart).
                break;
            case "_wstart":
            case "_wend":
            case "_wduration":
                if (!_scope.WindowColumns)
                {
                    throw new TaosServerException(0x2658, "_WSTART, _WEND and _WDURATION can only be used in window query");
                }
                return name.ToLowerInvariant() switch
                {
                    "_wstart" => new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.WStart },
                    "_wend" => new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.WEnd },
                    _ => new CExpr { Type = TaosDataType.BigInt, Length = 8, Eval = c => c.WDuration },
                };
            case "_rowts":
            case "_c0":
                if (Layout is { TsIndex: >= 0 } l)
                {
                    int ti = l.TsIndex;
                    return new CExpr { Type = TaosDataType.Timestamp, Length = 8, Eval = c => c.Column(ti), UsesColumns = true };
                }
                break;
        }
        if (col.Qualifier is null && Layout is not null && Layout.IsAmbiguous(name))
        {
            throw new TaosServerException(9732, "Column ambiguously defined: " + name);
        }
        var slot = Layout?.Find(name, col.Qualifier) ?? throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
        int index = slot.Index;
        return slot.Kind switch
        {
            SlotKind.Column => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Column(index), UsesColumns = true, Slot = slot },
            SlotKind.Tag => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Table?.TagValues?[index], Slot = slot },
            _ => new CExpr { Type = slot.Type, Length = slot.Length, Eval = c => c.Table?.Name, Slot = slot },
        };
    }

    private CExpr CompileUnary(UnaryExpr u)
    {
        var operand = Compile(u.Operand);
        switch (u.Op)
        {
            case UnaryOp.Plus:
                return operand;
            case UnaryOp.Not:
                return Derive(TaosDataType.Bool, 1, c => operand.Eval(c) is { } v ? !Values.ToBool(v) : null, operand);
            default:
                if (operand.IsIntegerLiteral && operand.Type == TaosDataType.BigInt)
                {
                    long v = -(long)operand.Eval(new EvalContext())!;
                    return CExpr.Constant(TaosDataType.BigInt, 8, v, isInt: true);
                }
                return Derive(TaosDataType.Double, 8, c => operand.Eval(c) is { } v ? -Values.ToDouble(v) : null, operand);
        }
    }

    /// <summary>A new expression over <paramref name="parts"/>, inheriting their constness and dependencies.</summary>
    private static CExpr Derive(TaosDataType type, int length, Func<EvalContext, object?> eval, params CExpr[] parts) => new()
    {
        Type = type,
        Length = length,
        Eval = eval,
        IsConstant = parts.All(p => p.IsConstant),
        HasAggregate = parts.Any(p => p.HasAggregate),
        UsesColumns = parts.Any(p => p.UsesColumns),
    };

    private CExpr CompileBinary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.And:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return Derive(TaosDataType.Bool, 1, c =>
                    {
                        var lv = l.Eval(c);
                        if (lv is not null && !Values.ToBool(lv)) return false;
                        var rv = r.Eval(c);
                        if (rv is not null && !Values.ToBool(rv)) return false;
                        return lv is null || rv is null ? null : true;
                    }, l, r);
                }
            case BinaryOp.Or:
                {
                    var l = Compile(b.Left);
                    var r = Compile(b.Right);
                    return Derive(TaosDataType.Bool, 1, c =>
                    {
                        var lv = l.Eval(c);
                        if (lv is not null && Values.ToBool(lv)) return true;
                        var rv = r.Eval(c);
                        if (rv is not null && Values.ToBool(rv)) return true;
                        return lv is null || rv is null ? null : false;
                    }, l, r);
                }
            case BinaryOp.JsonGet:
                return CompileJsonGet(b);
            case BinaryOp.Contains:
                return CompileContains(b);
            case BinaryOp.Like:
            case BinaryOp.NotLike:
            case BinaryOp.Match:
            case BinaryOp.NotMatch:
                return CompilePattern(b);
        }
        var left = Compile(b.Left);
        var right = Compile(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
            case BinaryOp.Divide:
            case BinaryOp.Modulo:
                return CompileArithmetic(b.Op, left, right);
            case BinaryOp.BitAnd:
            case BinaryOp.BitOr:
                {
                    bool and = b.Op == BinaryOp.BitAnd;
                    return Derive(TaosDataType.BigInt, 8, c =>
                    {
                        if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
                        long x = Values.ToLong(lv), y = Values.ToLong(rv);
                        return and ? x & y : x | y;
                    }, left, right);
                }
            default:
                return CompileComparison(b.Op, left, right);
        }
    }

    private CExpr CompileArithmetic(BinaryOp op, CExpr left, CExpr right)
    {
        bool lts = left.Type == TaosDataType.Timestamp, rts = right.Type == TaosDataType.Timestamp;
        if ((op == BinaryOp.Add || op == BinaryOp.Subtract) && (lts ^ rts))
        {
            var ts = lts ? left : right;
            var other = lts ? right : left;
            if (op == BinaryOp.Subtract && rts)
            {
                // integer − timestamp is plain arithmetic
            }
            else if (other.DurationUnit is 'n' or 'y')
            {
                long months = other.DurationUnit == 'y' ? other.DurationValue * 12 : other.DurationValue;
                if (op == BinaryOp.Subtract) months = -months;
                var p = Precision;
                var z = Zone;
                return Derive(TaosDataType.Timestamp, 8, c => ts.Eval(c) is { } v ? CalendarMonths.Add(Values.ToLong(v), months, p, z) : null, left, right);
            }
            else if (TaosTypes.IsInteger(other.Type) || other.Type == TaosDataType.Bool)
            {
                bool sub = op == BinaryOp.Subtract;
                return Derive(TaosDataType.Timestamp, 8, c =>
                {
                    if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
                    long x = Values.ToLong(lv), y = Values.ToLong(rv);
                    return sub ? x - y : x + y;
                }, left, right);
            }
        }
        return Derive(TaosDataType.Double, 8, c =>
        {
            if (left.Eval(c) is not { } lv || right.Eval(c) is not { } rv) return null;
            double x = Values.ToDouble(lv), y = Values.ToDouble(rv);
            switch (op)
            {
                case BinaryOp.Add: return x + y;
                case BinaryOp.Subtract: return x - y;
                case BinaryOp.Multiply: return x * y;
                case BinaryOp.Divide: return y == 0 ? null : x / y;
                default: return y == 0 ? null : x % y;
            }
        }, left, right);
    }

    /// <summary>Brings a string constant compared with a TIMESTAMP to ticks (read in the server zone).</summary>
    private CExpr CoerceForTimestamp(CExpr other)
    {
        if (other.IsString && other.IsConstant)
        {
            var v = other.Eval(new EvalContext());
            if (v is string s)
            {
                if (TimestampText.TryParse(s, Precision, Zone, out long ticks)) return CExpr.Constant(TaosDataType.Timestamp, 8, ticks);
                if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return CExpr.Constant(TaosDataType.Timestamp, 8, l);
                throw new TaosServerException(ServerErrorCode.InvalidValue, "syntax error near '" + s + "' (invalid timestamp)");
            }
        }
        return other;
    }

    /// <summary>
    /// A numeric constant compared with a FLOAT value is first rounded to FLOAT, as TDengine's filter converts
    /// constants to the column's type (so <c>current = 10.3</c> matches the stored 10.3f).
    /// </summary>
    private static CExpr ForFloat(CExpr value, CExpr other)
    {
        if (value.Type != TaosDataType.Float || !other.IsConstant || other.Type != TaosDataType.Double) return other;
        var v = other.Eval(new EvalContext());
        return v is null ? other : CExpr.Constant(TaosDataType.Float, 4, (float)Values.ToDouble(v));
    }
}
