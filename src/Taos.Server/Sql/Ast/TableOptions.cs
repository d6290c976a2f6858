namespace Taos.Server.Sql.Ast;

/// <summary>The COMMENT and TTL (days, 0 = none) a CREATE STABLE/TABLE gives its table; the other table options are accepted and ignored.</summary>
internal sealed record TableOptions(int Ttl, string? Comment)
{
    /// <summary>Neither option given.</summary>
    public static readonly TableOptions None = new(0, null);
}
