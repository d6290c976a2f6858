namespace Taos.Server.Sql.Ast;

/// <summary>What a FROM clause reads: a table, a subquery or a join of two sources.</summary>
internal abstract record FromSource;

/// <summary><c>FROM [db.]t [[AS] alias]</c>.</summary>
internal sealed record TableSource(TableName Name, string? Alias) : FromSource;

/// <summary><c>FROM (SELECT …) [[AS] alias]</c>.</summary>
internal sealed record SubquerySource(SelectStatement Query, string? Alias) : FromSource;

/// <summary>
/// <c>a [INNER|LEFT|RIGHT|FULL …] JOIN b ON cond</c>, or <c>FROM a, b</c> (an inner join with <see cref="On"/> null).
/// <see cref="JoinType"/> is the lowercased words before JOIN (<c>inner</c> when none).
/// </summary>
internal sealed record JoinSource(FromSource Left, FromSource Right, string JoinType, Expr? On) : FromSource
{
    /// <summary>A WINDOW join's <c>WINDOW_OFFSET(low, high)</c>: the right rows within [ts + low, ts + high] of each left row.</summary>
    public JoinWindowOffset? WindowOffset { get; init; }

    /// <summary><c>JLIMIT n</c>: at most n right rows per left row (ASOF and WINDOW joins).</summary>
    public long? JLimit { get; init; }
}

/// <summary><c>WINDOW_OFFSET(low, high)</c> of a WINDOW join.</summary>
internal sealed record JoinWindowOffset(Expr Low, Expr High);
