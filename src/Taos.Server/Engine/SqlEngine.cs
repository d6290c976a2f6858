using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Ddl;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Write;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine;

/// <summary>
/// Executes SQL statements against the durable store: parse (<see cref="Sql.SqlParser"/>), then hand the statement
/// to its handler (queries, the write path, DDL). Thread-safe: one instance serves every request of a server.
/// </summary>
internal sealed class SqlEngine : IDisposable
{
    private readonly IStore _store;
    private readonly InsertBinder _insertBinder;
    private readonly WriteExecutor _writer;
    private readonly DatabaseCommands _databases;
    private readonly TableCommands _tables;
    private readonly ShowCommands _show;
    private readonly DescribeCommand _describe;

    /// <param name="store">The durable store; the engine owns it from now on and disposes it.</param>
    /// <param name="serverZone">The server's time zone (timestamps without an offset).</param>
    public SqlEngine(IStore store, TimeZoneInfo serverZone)
    {
        _store = store;
        ServerZone = serverZone;
        _insertBinder = new InsertBinder(store, serverZone);
        _writer = new WriteExecutor(store);
        _databases = new DatabaseCommands(store);
        _tables = new TableCommands(store, serverZone);
        _show = new ShowCommands(store);
        _describe = new DescribeCommand(store);
    }

    public TimeZoneInfo ServerZone { get; }

    /// <summary>The catalog and row store, as the query executor reads them.</summary>
    internal ICatalogReader Catalog => _store;

    /// <summary>Runs one statement. Errors are <see cref="TaosServerException"/> with TDengine's code and text.</summary>
    public StatementResult Execute(string sql, SqlSession session) => Execute(SqlParser.Parse(sql), session);

    /// <summary>Runs one parsed statement.</summary>
    internal StatementResult Execute(Statement statement, SqlSession session) => statement switch
    {
        SelectStatement select => new QueryExecutor(_store, ServerZone).Execute(select, session),
        UnionStatement union => new QueryExecutor(_store, ServerZone).Execute(union, session),
        InsertStatement insert => new AffectedRowsResult(_writer.Execute(() => _insertBinder.Bind(insert, session))),
        InsertSelectStatement s => new AffectedRowsResult(_writer.Execute(new InsertSelectBinder(_store, ServerZone).Read(s, session))),
        CreateDatabaseStatement s => _databases.Create(s),
        DropDatabaseStatement s => _databases.Drop(s),
        UseDatabaseStatement s => _databases.Use(s, session),
        ShowDatabasesStatement s => _databases.Show(s),
        ShowTablesStatement s => _show.ShowTables(s, session),
        ShowStablesStatement s => _show.ShowStables(s, session),
        CreateStableStatement s => _tables.CreateStable(s, session),
        CreateNormalTableStatement s => _tables.CreateNormalTable(s, session),
        CreateChildTablesStatement s => _tables.CreateChildTables(s, session),
        DropTableStatement s => _tables.DropTables(s, session),
        DropStableStatement s => _tables.DropStable(s, session),
        DescribeStatement s => _describe.Execute(s, session),
        // Parsed, but not executed yet: say so rather than pretend the text is malformed.
        _ => throw TaosServerException.NotSupported(StatementKind(statement)),
    };

    /// <summary>"AlterTableStatement" → "ALTER TABLE".</summary>
    private static string StatementKind(Statement statement)
    {
        string name = statement.GetType().Name;
        name = name.EndsWith("Statement", StringComparison.Ordinal) ? name[..^"Statement".Length] : name;
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())).ToUpperInvariant();
    }

    public void Dispose() => _store.Dispose();
}
