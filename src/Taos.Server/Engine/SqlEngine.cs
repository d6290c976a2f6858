using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Ddl;
using Taos.Server.Engine.Delete;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Schemaless;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Streams;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;
using Taos.Server.Engine.Views;
using Taos.Server.Engine.Explain;
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
    private readonly UserCommands _users;
    private readonly PrivilegeGuard _guard;
    private readonly DeleteCommand _delete;
    private readonly ShowCreateCommands _showCreate;
    private readonly ShowTagsCommands _showTags;
    private readonly IndexCommands _indexes;
    private readonly AlterTableCommands _alterTable;
    private readonly AlterDatabaseCommand _alterDatabase;
    private readonly SchemalessWriter _schemaless;
    private readonly TopicCommands _topics;
    private readonly StreamCommands _streams;
    private readonly ViewCommands _views;
    private readonly AdministrationCommands _admin;
    private readonly UdfCommands _functions;
    private readonly UdfCallGuard _udfCalls;
    private readonly SmaIndexCommands _smaIndexes;
    private readonly TsmaCommands _tsmas;

    /// <param name="store">The durable store; the engine owns it from now on and disposes it.</param>
    /// <param name="serverZone">The server's time zone (timestamps without an offset).</param>
    /// <param name="users">The super user a new store starts with and whether grants are enforced (TDengine's defaults when null).</param>
    public SqlEngine(IStore store, TimeZoneInfo serverZone, UserSettings? users = null)
    {
        _store = store;
        ServerZone = serverZone;
        _insertBinder = new InsertBinder(store, serverZone);
        Streams = new StreamRunner(store, serverZone);
        _writer = new WriteExecutor(store, Streams.Notify);
        BoundWriter = new BoundRowsWriter(_writer, store);
        _databases = new DatabaseCommands(store);
        _tables = new TableCommands(store, serverZone);
        _show = new ShowCommands(store);
        _describe = new DescribeCommand(store);
        Users = new UserDirectory(store, users ?? UserSettings.Default);
        _users = new UserCommands(store, Users);
        _guard = new PrivilegeGuard(store, Users);
        _delete = new DeleteCommand(store, serverZone);
        _showCreate = new ShowCreateCommands(store);
        _showTags = new ShowTagsCommands(store);
        _indexes = new IndexCommands(store);
        _alterTable = new AlterTableCommands(store, serverZone);
        _alterDatabase = new AlterDatabaseCommand(store);
        _schemaless = new SchemalessWriter(store, _writer);
        _topics = new TopicCommands(store, Subscriptions);
        _streams = new StreamCommands(store, serverZone, Streams);
        _views = new ViewCommands(store, serverZone);
        _admin = new AdministrationCommands(store, _delete.Execute, (query, session) => Dispatch(query, session));
        _functions = new UdfCommands(store);
        _udfCalls = new UdfCallGuard(store);
        _smaIndexes = new SmaIndexCommands(store);
        _tsmas = new TsmaCommands(store);
    }

    /// <summary>The background worker computing the streams (tests wait on it with <see cref="StreamRunner.WaitIdle"/>).</summary>
    internal StreamRunner Streams { get; }

    /// <summary>The cluster state the administration statements change (nodes, runtime configuration, compactions, live connections).</summary>
    internal AdminState Admin => _admin.State;

    /// <summary>The stored users: the authenticator every endpoint checks logins with.</summary>
    public UserDirectory Users { get; }

    public TimeZoneInfo ServerZone { get; }

    /// <summary>The topics live consumers subscribe to (DROP TOPIC refuses those).</summary>
    internal SubscriptionRegistry Subscriptions { get; } = new();

    /// <summary>A new consumer of consumer group <paramref name="group"/>, reading the stored rows.</summary>
    internal TopicConsumer CreateConsumer(string group, OffsetReset reset) =>
        new(_store, new TopicReader(_store, ServerZone), Subscriptions, group, reset);

    /// <summary>Writes rows bound by stmt or raw blocks through the same write path as INSERT.</summary>
    internal BoundRowsWriter BoundWriter { get; }

    /// <summary>The catalog and row store, as the query executor reads them.</summary>
    internal ICatalogReader Catalog => _store;

    /// <summary>Runs one statement. Errors are <see cref="TaosServerException"/> with TDengine's code and text.</summary>
    public StatementResult Execute(string sql, SqlSession session) => Execute(SqlParser.Parse(sql), session);

    /// <summary>
    /// Schemaless ingest of <paramref name="data"/> into <paramref name="database"/> (see <see cref="SchemalessWriter"/>) by
    /// <paramref name="user"/>, who needs write access (<see cref="PrivilegeGuard.AuthorizeWrite"/>);
    /// child tables it creates get <paramref name="ttl"/> (days). Returns the rows written. Errors are <see cref="TaosServerException"/> with TDengine's code and text.
    /// </summary>
    public int InsertSchemaless(string user, string database, string data, SmlProtocol protocol, SmlTimeUnit unit, int ttl = 0) =>
        InsertSchemaless(user, database, System.Text.Encoding.UTF8.GetBytes(data), protocol, unit, ttl);

    /// <summary>Schemaless ingest of the UTF-8 <paramref name="data"/>; see <see cref="InsertSchemaless(string, string, string, SmlProtocol, SmlTimeUnit, int)"/>.</summary>
    public int InsertSchemaless(string user, string database, ReadOnlyMemory<byte> data, SmlProtocol protocol, SmlTimeUnit unit, int ttl = 0)
    {
        _guard.AuthorizeWrite(user, database);
        return _schemaless.Insert(database, data, protocol, unit, ttl);
    }

    /// <summary>taos.cfg's <c>smlChildTableName</c> for schemaless ingest (see <see cref="SchemalessWriter.ChildTableTag"/>).</summary>
    /// <summary>The TDengine edition the engine answers as where the two differ (views).</summary>
    internal TaosServerEdition Edition { get; init; }

    // TDengine's community edition translates CREATE VIEW, DROP VIEW and SHOW CREATE VIEW into TSDB_CODE_OPS_NOT_SUPPORT
    // (parTranslater.c, #ifndef TD_ENTERPRISE).
    private StatementResult EnterpriseOnly(Func<StatementResult> run) => Edition == TaosServerEdition.Enterprise
        ? run()
        : throw new TaosServerException(ServerErrorCode.OperationNotSupported, "Operation not supported");

    internal string? SmlChildTableName
    {
        get => _schemaless.ChildTableTag;
        init => _schemaless.ChildTableTag = value;
    }

    /// <summary>Checks that <paramref name="user"/> may subscribe to the named topics (<see cref="PrivilegeGuard.AuthorizeSubscribe"/>).</summary>
    internal void AuthorizeSubscribe(string user, IReadOnlyList<string> topics) => _guard.AuthorizeSubscribe(user, topics);

    /// <summary>Runs one parsed statement, if the session's user may (<see cref="PrivilegeGuard"/>).</summary>
    internal StatementResult Execute(Statement statement, SqlSession session)
    {
        _guard.Authorize(statement, session);
        _udfCalls.RejectCalls(statement);
        var result = Dispatch(statement, session);
        // Rows wake the stream worker at their commit (WriteExecutor); other changes (DDL, DELETE, RESUME …) here.
        // A query changes nothing a stream reads.
        if (statement is not (SelectStatement or UnionStatement or ExplainStatement)) Streams.Notify();
        return result;
    }

    private StatementResult Dispatch(Statement statement, SqlSession session) => statement switch
    {
        SelectStatement select => new QueryExecutor(new ConsumerCatalog(_store, Subscriptions), ServerZone).Execute(select, session),
        UnionStatement union => new QueryExecutor(new ConsumerCatalog(_store, Subscriptions), ServerZone).Execute(union, session),
        InsertStatement insert => new AffectedRowsResult(_writer.Execute(() => _insertBinder.Bind(insert, session))),
        InsertSelectStatement s => new AffectedRowsResult(_writer.Execute(new InsertSelectBinder(_store, ServerZone).Read(s, session))),
        CreateDatabaseStatement s => _users.CreateDatabase(s, session, () => _databases.Create(s)),
        DropDatabaseStatement s => _streams.GuardDropDatabase(s, () => _topics.GuardDropDatabase(s, () => _users.DropDatabase(s, () => _databases.Drop(s)))),
        UseDatabaseStatement s => _databases.Use(s, session),
        ShowDatabasesStatement s => _databases.Show(s),
        ShowTablesStatement s => _show.ShowTables(s, session),
        ShowStablesStatement s => _show.ShowStables(s, session),
        CreateStableStatement s => _indexes.CreateStable(s, session, () => _tables.CreateStable(s, session)),
        CreateNormalTableStatement s => _tables.CreateNormalTable(s, session),
        CreateChildTablesStatement s => _tables.CreateChildTables(s, session),
        DropTableStatement s => _tsmas.GuardDropTable(s, session, () => _tables.DropTables(s, session)),
        DropStableStatement s => _streams.GuardDropStable(s, session, () => _topics.GuardDropStable(s, session, () => _tables.DropStable(s, session))),
        DescribeStatement s when _views.IsView(s, session) => _views.Describe(s, session),
        DescribeStatement s => _describe.Execute(s, session),
        DeleteStatement s => _streams.Delete(s, session, () => _delete.Execute(s, session)),
        CreateUserStatement s => _users.Create(s),
        AlterUserStatement s => _users.Alter(s),
        DropUserStatement s => _users.Drop(s),
        GrantStatement s => _users.Grant(s),
        ShowStatement { What: "users" } => _users.Show(),
        ShowCreateDatabaseStatement s => _showCreate.Database(s),
        ShowCreateTableStatement s => _showCreate.Table(s, session),
        ShowTagsStatement s => _showTags.Tags(s, session),
        ShowTableTagsStatement s => _showTags.TableTags(s, session),
        CreateIndexStatement s => _smaIndexes.GuardTagIndex(s, session, () => _indexes.Create(s, session)),
        DropIndexStatement s => _smaIndexes.Drop(s, session, () => _indexes.Drop(s, session)),
        CreateSmaIndexStatement s => _smaIndexes.Create(s, session),
        ShowIndexesStatement s => _smaIndexes.ShowIndexes(s, session),
        CreateTsmaStatement s => _tsmas.Create(s, session),
        DropTsmaStatement s => _tsmas.Drop(s, session),
        ShowStatement { What: "tsmas" } s => _tsmas.Show(s, session),
        AlterTableStatement s => _alterTable.Execute(s, session),
        AlterDatabaseStatement s => _alterDatabase.Execute(s),
        CreateTopicStatement s => _topics.Create(s, session),
        DropTopicStatement s => _users.DropTopic(s, () => _topics.Drop(s)),
        ShowStatement { What: "topics" } => _topics.Show(),
        CreateStreamStatement s => _streams.Create(s, session),
        DropStreamStatement s => _streams.Drop(s),
        PauseStreamStatement s => _streams.Pause(s),
        ResumeStreamStatement s => _streams.Resume(s),
        DropConsumerGroupStatement s => _topics.DropConsumerGroup(s),
        CreateFunctionStatement s => _functions.Create(s),
        DropFunctionStatement s => _functions.Drop(s),
        ShowStatement { What: "consumers" } => _topics.ShowConsumers(),
        ShowStatement { What: "subscriptions" } => _topics.ShowSubscriptions(),
        CreateViewStatement s => EnterpriseOnly(() => _views.Create(s, session)),
        DropViewStatement s => EnterpriseOnly(() => _views.Drop(s, session)),
        ShowViewsStatement s => _views.ShowViews(s, session),
        ShowCreateViewStatement s => EnterpriseOnly(() => _views.ShowCreate(s, session)),
        ExplainStatement s => new ExplainCommand(new ConsumerCatalog(_store, Subscriptions), ServerZone).Execute(s, session),
        ShowStatement { What: "local variables" } => ConfigSystemTables.LocalVariables(ServerZone, _admin.State.Config.Local),
        _ when AdministrationCommands.Handles(statement) => _admin.Execute(statement, session),
        ShowStatement s when SystemTableShows.Has(s) => new QueryExecutor(_store, ServerZone).Execute(SystemTableShows.Select(s, session, _store), session),
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

    public void Dispose()
    {
        Streams.Dispose();
        _store.Dispose();
    }
}
