using Taos.Protocol;
using System.Text;
using System.Text.RegularExpressions;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Insert;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine;

/// <summary>
/// Executes SQL statements against the durable store: parse (<see cref="Sql.SqlParser"/>), resolve against the
/// catalog, run. Thread-safe: one instance serves every request of a server.
/// </summary>
internal sealed class SqlEngine : IDisposable
{
    private readonly IStore _store;

    /// <param name="store">The durable store; the engine owns it from now on and disposes it.</param>
    /// <param name="serverZone">The server's time zone (timestamps without an offset).</param>
    public SqlEngine(IStore store, TimeZoneInfo serverZone)
    {
        _store = store;
        ServerZone = serverZone;
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
        InsertStatement insert => new AffectedRowsResult(new InsertExecutor(_store, ServerZone).Execute(insert, session)),
        CreateDatabaseStatement s => CreateDatabase(s),
        DropDatabaseStatement s => DropDatabase(s),
        UseDatabaseStatement s => Use(s, session),
        ShowDatabasesStatement s => ShowDatabases(s.Kind),
        ShowTablesStatement s => ShowTables(s, session),
        ShowStablesStatement s => ShowStables(s, session),
        CreateStableStatement s => CreateStable(s, session),
        CreateNormalTableStatement s => CreateNormalTable(s, session),
        CreateChildTablesStatement s => CreateChildTables(s, session),
        DropTableStatement s => DropTables(s, session),
        DropStableStatement s => DropStable(s, session),
        DescribeStatement s => Describe(s, session),
        // Parsed, but not executed yet: say so rather than pretend the text is malformed.
        _ => throw TaosServerException.NotSupported(StatementKind(statement)),
    };

    private static AffectedRowsResult Ok(int n = 0) => new(n);

    /// <summary>"AlterTableStatement" → "ALTER TABLE".</summary>
    private static string StatementKind(Statement statement)
    {
        string name = statement.GetType().Name;
        name = name.EndsWith("Statement", StringComparison.Ordinal) ? name[..^"Statement".Length] : name;
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())).ToUpperInvariant();
    }

    internal static TaosServerException DatabaseNotExist() => new(ServerErrorCode.DatabaseNotExist, "Database not exist");

    internal static TaosServerException TableNotExist() => new(ServerErrorCode.TableNotExist, "Table does not exist");

    /// <summary>The database a name refers to: its own, else the session's existing default; 9750 when neither.</summary>
    internal static string ResolveDatabase(ICatalogReader catalog, string? explicitDb, SqlSession session)
    {
        if (explicitDb is not null) return explicitDb;
        if (session.Database is { } db && catalog.FindDatabase(db) is not null) return db;
        throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
    }

    private DatabaseInfo RequireDatabase(string? explicitDb, SqlSession session) => RequireDatabase(_store, explicitDb, session);

    /// <summary>The database a name refers to (see <see cref="ResolveDatabase"/>), which must exist: else 904.</summary>
    internal static DatabaseInfo RequireDatabase(ICatalogReader catalog, string? explicitDb, SqlSession session) =>
        catalog.FindDatabase(ResolveDatabase(catalog, explicitDb, session)) ?? throw DatabaseNotExist();

    // ---- databases ----

    private AffectedRowsResult CreateDatabase(CreateDatabaseStatement s)
    {
        var (precision, options) = DatabaseOptions.Validate(s.Options);
        return _store.Write(tx =>
        {
            if (_store.FindDatabase(s.Name) is not null)
            {
                if (s.IfNotExists) return Ok();
                throw new TaosServerException(ServerErrorCode.DatabaseAlreadyExists, "Database already exists");
            }
            options["create_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            tx.CreateDatabase(new DatabaseInfo(s.Name, precision, options));
            return Ok();
        });
    }

    private AffectedRowsResult DropDatabase(DropDatabaseStatement s) => _store.Write(tx =>
    {
        if (_store.FindDatabase(s.Name) is null)
        {
            if (s.IfExists) return Ok();
            throw DatabaseNotExist();
        }
        tx.DropDatabase(s.Name);
        return Ok();
    });

    private AffectedRowsResult Use(UseDatabaseStatement s, SqlSession session)
    {
        if (_store.FindDatabase(s.Name) is null) throw DatabaseNotExist();
        session.Database = s.Name;
        return Ok();
    }

    private RowSetResult ShowDatabases(ShowDatabasesKind kind)
    {
        var rows = new List<object?[]>();
        if (kind != ShowDatabasesKind.User)
        {
            rows.Add(["information_schema"]);
            rows.Add(["performance_schema"]);
        }
        if (kind != ShowDatabasesKind.System) rows.AddRange(_store.Databases().Select(d => new object?[] { d.Name }));
        return new RowSetResult([new ResultColumn("name", TaosDataType.VarChar, 64)], rows, TaosPrecision.Milliseconds);
    }

    private RowSetResult ShowTables(ShowTablesStatement s, SqlSession session) =>
        ShowTableNames(s.Database, s.LikePattern, session, "table_name", t => s.Kind switch
        {
            ShowTablesKind.Normal => t.Kind == TableKind.Normal,
            ShowTablesKind.Child => t.Kind == TableKind.Child,
            _ => t.Kind != TableKind.Super,
        });

    private RowSetResult ShowStables(ShowStablesStatement s, SqlSession session) =>
        ShowTableNames(s.Database, s.LikePattern, session, "stable_name", t => t.Kind == TableKind.Super);

    /// <summary>The names of the tables of a database that are of the kind asked for and match the LIKE pattern.</summary>
    private RowSetResult ShowTableNames(string? explicitDb, string? likePattern, SqlSession session, string columnName, Func<TableInfo, bool> ofKind)
    {
        var db = RequireDatabase(explicitDb, session);
        var like = likePattern is null ? null : LikeRegex(likePattern);
        var rows = _store.Tables(db.Name)
            .Where(t => ofKind(t) && (like is null || like.IsMatch(t.Name)))
            .Select(t => new object?[] { t.Name }).ToList();
        return new RowSetResult([new ResultColumn(columnName, TaosDataType.VarChar, 192)], rows, TaosPrecision.Milliseconds);
    }

    /// <summary>SQL LIKE (<c>%</c>, <c>_</c>, <c>\</c> escapes) as an anchored regex.</summary>
    internal static Regex LikeRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(Regex.Escape(pattern[++i].ToString()));
                continue;
            }
            sb.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    // ---- tables ----

    private AffectedRowsResult CreateStable(CreateStableStatement s, SqlSession session)
    {
        var db = RequireDatabase(s.Name.Database, session);
        var (columns, tags) = Schema.Check(s.Columns, s.Tags, isSuper: true);
        return _store.Write(tx =>
        {
            if (_store.FindTable(db.Name, s.Name.Name) is { } existing)
            {
                if (s.IfNotExists) return Ok();
                throw existing.Kind == TableKind.Super
                    ? new TaosServerException(ServerErrorCode.StableAlreadyExists, "STable already exists")
                    : new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            tx.CreateTable(new TableInfo(db.Name, s.Name.Name, TableKind.Super, null, columns, tags, null));
            return Ok();
        });
    }

    private AffectedRowsResult CreateNormalTable(CreateNormalTableStatement s, SqlSession session)
    {
        var db = RequireDatabase(s.Name.Database, session);
        var (columns, _) = Schema.Check(s.Columns, [], isSuper: false);
        return _store.Write(tx =>
        {
            if (_store.FindTable(db.Name, s.Name.Name) is not null)
            {
                if (s.IfNotExists) return Ok();
                throw new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            tx.CreateTable(new TableInfo(db.Name, s.Name.Name, TableKind.Normal, null, columns, [], null));
            return Ok();
        });
    }

    private AffectedRowsResult CreateChildTables(CreateChildTablesStatement s, SqlSession session) => _store.Write(tx =>
    {
        var pending = new HashSet<(string, string)>();
        foreach (var clause in s.Tables)
        {
            var db = RequireDatabase(clause.Name.Database, session);
            var stableDb = RequireDatabase(clause.Stable.Database ?? clause.Name.Database, session);
            var super = _store.FindTable(stableDb.Name, clause.Stable.Name);
            if (super is null || super.Kind != TableKind.Super) throw TableNotExist();
            var coercer = new ValueCoercer(s.Sql, ServerZone, db.Precision);
            var tagValues = TagBinder.Bind(coercer, super, clause.TagNames, clause.TagValues, fromInsert: false);
            if (_store.FindTable(db.Name, clause.Name.Name) is not null || pending.Contains((db.Name, clause.Name.Name)))
            {
                if (clause.IfNotExists) continue;
                throw new TaosServerException(ServerErrorCode.TableAlreadyExists, "Table already exists");
            }
            tx.CreateTable(new TableInfo(db.Name, clause.Name.Name, TableKind.Child, super.Name, super.Columns, super.Tags, tagValues));
            pending.Add((db.Name, clause.Name.Name));
        }
        return Ok();
    });

    private AffectedRowsResult DropTables(DropTableStatement s, SqlSession session) => _store.Write(tx =>
    {
        var entries = new List<TableEntry>();
        foreach (var name in s.Names)
        {
            string dbName = ResolveDatabase(_store, name.Database, session);
            if (_store.FindDatabase(dbName) is null)
            {
                if (s.IfExists) continue;
                throw DatabaseNotExist();
            }
            var entry = _store.FindEntry(dbName, name.Name);
            if (entry is null)
            {
                if (s.IfExists) continue;
                throw TableNotExist();
            }
            if (entry.Info.Kind == TableKind.Super && s.Names.Count > 1)
                throw new TaosServerException(ServerErrorCode.CannotDropStableInBatch, "Cannot drop super table in batch");
            entries.Add(entry);
        }
        foreach (var entry in entries)
        {
            if (_store.FindEntry(entry.Info.Database, entry.Info.Name) is { } current) tx.DropTable(current);
        }
        return Ok();
    });

    private AffectedRowsResult DropStable(DropStableStatement s, SqlSession session) => _store.Write(tx =>
    {
        string dbName = ResolveDatabase(_store, s.Name.Database, session);
        if (_store.FindDatabase(dbName) is null)
        {
            if (s.IfExists) return Ok();
            throw DatabaseNotExist();
        }
        var entry = _store.FindEntry(dbName, s.Name.Name);
        if (entry is null || entry.Info.Kind != TableKind.Super)
        {
            if (s.IfExists) return Ok();
            throw new TaosServerException(ServerErrorCode.StableNotExist, "STable not exist");
        }
        tx.DropTable(entry);
        return Ok();
    });

    private RowSetResult Describe(DescribeStatement s, SqlSession session)
    {
        var db = RequireDatabase(s.Name.Database, session);
        var table = _store.FindTable(db.Name, s.Name.Name) ?? throw TableNotExist();
        bool full = table.Kind != TableKind.Child;
        var columns = new List<ResultColumn>
        {
            new("field", TaosDataType.VarChar, 64),
            new("type", TaosDataType.VarChar, 20),
            new("length", TaosDataType.Int, 4),
            new("note", TaosDataType.VarChar, 16),
        };
        if (full)
        {
            columns.Add(new ResultColumn("encode", TaosDataType.VarChar, 12));
            columns.Add(new ResultColumn("compress", TaosDataType.VarChar, 12));
            columns.Add(new ResultColumn("level", TaosDataType.VarChar, 12));
        }
        var rows = new List<object?[]>();
        foreach (var c in table.Columns)
        {
            rows.Add(full
                ? [c.Name, TaosTypes.Name(c.Type), c.Length, "", c.Encode ?? DefaultEncode(c.Type), c.Compress ?? "lz4", c.Level ?? "medium"]
                : [c.Name, TaosTypes.Name(c.Type), c.Length, ""]);
        }
        foreach (var t in table.Tags)
        {
            rows.Add(full
                ? [t.Name, TaosTypes.Name(t.Type), t.Length, "TAG", "disabled", "disabled", "disabled"]
                : [t.Name, TaosTypes.Name(t.Type), t.Length, "TAG"]);
        }
        return new RowSetResult(columns, rows, db.Precision);
    }

    private static string DefaultEncode(TaosDataType type) => type switch
    {
        TaosDataType.Timestamp => "delta-i",
        TaosDataType.Bool => "bit-packing",
        TaosDataType.Float or TaosDataType.Double => "delta-d",
        _ when TaosTypes.IsInteger(type) => "simple8b",
        _ => "disabled",
    };

    public void Dispose() => _store.Dispose();
}
