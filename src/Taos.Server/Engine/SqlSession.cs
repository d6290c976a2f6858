namespace Taos.Server.Engine;

/// <summary>The context one statement runs in: who asks and which database is the default.</summary>
internal sealed class SqlSession
{
    /// <summary>The default database (from <c>/rest/sql/{db}</c>); may name a database that does not exist.</summary>
    public string? Database { get; set; }

    /// <summary>The authenticated user.</summary>
    public string User { get; init; } = "root";

    /// <summary>The client's host name, for CURRENT_USER().</summary>
    public string ClientHost { get; init; } = "localhost";
}
