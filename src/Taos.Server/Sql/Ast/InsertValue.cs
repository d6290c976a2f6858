namespace Taos.Server.Sql.Ast;

/// <summary>What kind of token an <see cref="InsertValue"/> was written as.</summary>
internal enum InsertValueKind
{
    /// <summary>A number as written, possibly signed, decimal, exponent, hex (0x) or binary (0b).</summary>
    Number,
    /// <summary>A quoted string; <see cref="InsertValue.Text"/> is its content with escapes resolved.</summary>
    String,
    /// <summary><c>NULL</c>.</summary>
    Null,
    /// <summary><c>TRUE</c> or <c>FALSE</c>; <see cref="InsertValue.Text"/> is <c>true</c>/<c>false</c>.</summary>
    Bool,
    /// <summary><c>NOW</c>, <c>NOW()</c>, <c>TODAY()</c>; <see cref="InsertValue.Text"/> is <c>now</c> or <c>today</c>.</summary>
    TimeFunction,
    /// <summary>Any other bare word (an error for every column type, reported by the engine).</summary>
    Word,
    /// <summary>A <c>?</c> of a prepared statement (<see cref="InsertValue.Text"/> is <c>?</c>), bound later.</summary>
    Placeholder,
}

/// <summary>
/// One value of an INSERT row or a tag list, kept as its token so the engine can coerce it to the
/// column's type with TDengine's exact error text. <see cref="Position"/> is where the token starts in
/// <see cref="Statement.Sql"/> (for a string: its opening quote). <see cref="Offsets"/> are the
/// <c>± duration</c> terms that follow a timestamp (<c>now + 1s</c>, <c>1704067200000 - 10a</c>).
/// </summary>
internal sealed record InsertValue(InsertValueKind Kind, string Text, int Position, IReadOnlyList<(char Sign, Duration Duration)> Offsets)
{
    /// <summary>Where the <c>±</c> of <see cref="Offsets"/> starts (only timestamps take one; others fail there).</summary>
    public int OffsetPosition { get; init; }
}
