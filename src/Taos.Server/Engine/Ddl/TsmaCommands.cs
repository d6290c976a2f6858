using System.Globalization;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Engine.Time;
using Taos.Server.Engine.Udf;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// CREATE [RECURSIVE] TSMA, DROP TSMA and SHOW TSMAS as TDengine 3.3.0.1 answers them (parTranslater.c
/// buildCreateTSMAReq and rewriteTSMAFuncs, mndSma.c). A TSMA is a catalog entry listed by information_schema.ins_tsmas
/// (and, as TDengine's mnode keeps it among the SMA objects, by ins_indexes); TDengine fills a result super table from
/// a stream and answers some window queries from it, the embedded server creates neither and answers every query from
/// the rows themselves.
/// </summary>
internal sealed class TsmaCommands(IStore store)
{
    /// <summary>TSMA_MIN_INTERVAL_MS and TSMA_MAX_INTERVAL_MS, compared with the interval in the database's precision.</summary>
    private const long MinInterval = 60_000;
    private const long MaxInterval = 3_600_000;

    /// <summary>tsMaxTsmaNum: the cluster holds at most 3 SMA objects (SMA indexes and TSMAs).</summary>
    private const int MaxSmaObjects = 3;

    /// <summary>The functions a TSMA may hold (FUNC_MGT_TSMA_FUNC).</summary>
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "count", "sum", "min", "max", "stddev", "avg", "spread", "first", "last",
    };

    public AffectedRowsResult Create(CreateTsmaStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Table.Database, session);
        long interval = s.Interval.Unit is 'n' or 'y' ? s.Interval.Value : Durations.Ticks(s.Interval, db.Precision);
        if (interval is > MaxInterval or < MinInterval)
        {
            throw new TaosServerException(12551, "Invalid tsma interval, 1ms ~ 1h is allowed");
        }
        var (table, functions, baseTsma) = s.Recursive ? FromBase(db, s, interval) : FromTable(db, s);
        if (store.SmaIndexes().Count + store.Tsmas().Count >= MaxSmaObjects)
        {
            throw new TaosServerException(1158, "Max tsma num exceeded");
        }
        if (store.SmaIndexes().Any(i => i.Database == db.Name && i.Name == s.Name) || Find(db.Name, s.Name) is not null)
        {
            return s.IfNotExists ? new AffectedRowsResult(0) : throw new TaosServerException(1152, "SMA already exists");
        }
        string intervalText = interval.ToString(CultureInfo.InvariantCulture) + UnitOf(db.Precision);
        var tsma = new TsmaInfo(db.Name, s.Name, table, functions, interval, intervalText, baseTsma, Vgroups.Of(store, db, table),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), s.Sql);
        store.Write(w =>
        {
            w.CreateTsma(tsma);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>
    /// DROP TSMA: the client fetches the TSMA's meta first, so a missing one is 1153 even with IF EXISTS; a TSMA that
    /// recursive ones are based on is 1157.
    /// </summary>
    public AffectedRowsResult Drop(DropTsmaStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Name.Database, session);
        if (Find(db.Name, s.Name.Name) is null)
        {
            throw new TaosServerException(1153, "sma not exist");
        }
        if (store.Tsmas().Any(t => t.Database == db.Name && t.BaseTsma == s.Name.Name))
        {
            throw new TaosServerException(1157, "Invalid drop base tsma, drop recursive tsma first");
        }
        store.Write(w =>
        {
            w.DropTsma(db.Name, s.Name.Name);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>SHOW [db.]TSMAS: the rows of ins_tsmas of the named (or current) database.</summary>
    public RowSetResult Show(ShowStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(store, s.Database, session);
        var rows = TsmaSystemTable.Rows(store).Where(r => (string?)r[1] == db.Name).ToList();
        return new RowSetResult(TsmaSystemTable.Columns, rows, TaosPrecision.Milliseconds);
    }

    /// <summary>DROP TABLE of a normal table a TSMA aggregates: 12560, as the translator refuses it; otherwise <paramref name="drop"/> runs.</summary>
    public StatementResult GuardDropTable(DropTableStatement s, SqlSession session, Func<StatementResult> drop)
    {
        foreach (var name in s.Names)
        {
            string? database = name.Database ?? session.Database;
            if (database is not null && store.FindTable(database, name.Name) is { Kind: TableKind.Normal }
                && store.Tsmas().Any(t => t.Database == database && t.Table == name.Name))
            {
                throw new TaosServerException(12560, "Tsma must be dropped first");
            }
        }
        return drop();
    }

    private TsmaInfo? Find(string database, string name) => store.Tsmas().FirstOrDefault(t => t.Database == database && t.Name == name);

    /// <summary>A recursive TSMA: its base must exist (1153) and the interval be a larger multiple of the base's (12549).</summary>
    private (string Table, IReadOnlyList<string> Functions, string? Base) FromBase(DatabaseInfo db, CreateTsmaStatement s, long interval)
    {
        var baseTsma = Find(db.Name, s.Table.Name) ?? throw new TaosServerException(1153, "sma not exist");
        if (!(baseTsma.Interval < interval && interval % baseTsma.Interval == 0))
        {
            throw new TaosServerException(12549, "Invalid tsma parameters");
        }
        return (baseTsma.Table, baseTsma.Functions, baseTsma.Name);
    }

    /// <summary>
    /// A TSMA of a super or normal table (a child table is 12550): every function takes one non-tag column (12552),
    /// is built in (10244) and supported (12553); the list is ordered by function id and column, duplicates dropped.
    /// </summary>
    private (string Table, IReadOnlyList<string> Functions, string? Base) FromTable(DatabaseInfo db, CreateTsmaStatement s)
    {
        var table = store.FindTable(db.Name, s.Table.Name) ?? throw CatalogResolver.TableNotExist();
        if (table.Kind == TableKind.Child)
        {
            throw new TaosServerException(12550, "Invalid table to create tsma, only stable or normal table allowed");
        }
        var functions = new List<(int Function, int Column, string Text)>();
        foreach (var f in s.Functions)
        {
            int column = f.Args is [ColumnExpr c] ? table.Columns.ToList().FindIndex(x => x.Name == c.Name) : -1;
            if (column < 0)
            {
                throw new TaosServerException(12552, "Invalid tsma func param, only one non-tag column allowed");
            }
            int id = BuiltinFunctionNames.IdOf(f.Name);
            if (id < 0)
            {
                throw new TaosServerException(10244, "Not buildin function");
            }
            if (!Supported.Contains(f.Name))
            {
                throw new TaosServerException(12553, "Tsma func not supported");
            }
            functions.Add((id, column, f.Name + "(" + table.Columns[column].Name + ")"));
        }
        var ordered = functions.OrderBy(f => f.Function).ThenBy(f => f.Column).Select(f => f.Text).Distinct().ToList();
        return (table.Name, ordered, null);
    }

    /// <summary>getPrecisionUnit: the unit letter of the database's precision.</summary>
    private static char UnitOf(TaosPrecision precision) => precision switch
    {
        TaosPrecision.Microseconds => 'u',
        TaosPrecision.Nanoseconds => 'b',
        _ => 'a',
    };
}
