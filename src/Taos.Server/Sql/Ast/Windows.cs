namespace Taos.Server.Sql.Ast;

/// <summary>The window clause of a query: INTERVAL, SESSION, STATE_WINDOW, EVENT_WINDOW or COUNT_WINDOW.</summary>
internal abstract record WindowClause;

/// <summary><c>INTERVAL(len[, offset]) [SLIDING(step)] [FILL(…)]</c>.</summary>
internal sealed record IntervalWindow(Duration Length, Duration? Offset, Duration? Sliding, FillClause? Fill) : WindowClause;

/// <summary><c>SESSION(col, gap)</c>.</summary>
internal sealed record SessionWindow(Expr Column, Duration Gap) : WindowClause;

/// <summary><c>STATE_WINDOW(expr)</c>.</summary>
internal sealed record StateWindow(Expr Expr) : WindowClause;

/// <summary><c>EVENT_WINDOW START WITH a END WITH b</c>.</summary>
internal sealed record EventWindow(Expr Start, Expr End) : WindowClause;

/// <summary><c>COUNT_WINDOW(n[, step])</c>.</summary>
internal sealed record CountWindow(long Count, long? Sliding) : WindowClause;

/// <summary>How FILL fills a window without rows.</summary>
internal enum FillMode { None, Null, NullF, Prev, Next, Linear, Value, ValueF }

/// <summary><c>FILL(mode[, v, …])</c>; <see cref="Values"/> only for VALUE/VALUE_F.</summary>
internal sealed record FillClause(FillMode Mode, IReadOnlyList<Expr> Values);
