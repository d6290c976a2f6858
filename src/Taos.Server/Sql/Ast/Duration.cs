namespace Taos.Server.Sql.Ast;

/// <summary>
/// A duration literal such as <c>10s</c> or <c>1n</c>: its value and unit letter
/// (b ns, u µs, a ms, s, m, h, d, w, n month, y year). <see cref="Text"/> is the token as written.
/// </summary>
internal sealed record Duration(long Value, char Unit, string Text);
