using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Taos.Schemaless;
using Taos.Server;

namespace Taos.Benchmarks.Ingest;

/// <summary>
/// Rows/s into the embedded server over loopback, <see cref="Rows"/> rows per invocation sent in batches of
/// <see cref="BatchSize"/> rows, each way into its own child table of <c>ingest.m (ts, v bigint, f double,
/// s varchar(16)) tags (g int)</c>: SQL batch INSERT text over REST (<see cref="RestSqlBatch"/>, the baseline) and over
/// WebSocket (<see cref="WebSocketSqlBatch"/>), and stmt binary bind blocks through <see cref="TaosBulkWriter"/>
/// (<see cref="StmtBulkWriter"/>), and InfluxDB line protocol through <see cref="TaosConnection.SchemalessInsert(string[], TaosSchemalessProtocol, TaosSchemalessPrecision, int?, long?)"/>
/// over WebSocket (<see cref="SchemalessLines"/>, into the super table <c>sm</c> it creates). Each invocation writes new timestamps (nothing is overwritten). Run with
/// <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*Ingest*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class IngestBenchmarks
{
    /// <summary>The environment variable that overrides <see cref="DefaultRows"/> (the CI smoke uses a few hundred).</summary>
    public const string RowsVariable = "TAOS_BENCH_INGEST_ROWS";

    /// <summary>Rows per invocation of the recorded measurements.</summary>
    public const int DefaultRows = 10_000;

    private const long Start = 1_700_000_000_000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-bench-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _sql = new();
    private TaosServer? _server;
    private TaosConnection? _rest;
    private TaosConnection? _webSocket;
    private TaosConnection? _schemaless;
    private TaosBulkWriter? _writer;
    private long _next;
    private long _linesWritten;

    /// <summary>Rows per invocation: <see cref="RowsVariable"/> when set, else <see cref="DefaultRows"/>.</summary>
    public static int Rows => Environment.GetEnvironmentVariable(RowsVariable) is { Length: > 0 } text
        ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
        : DefaultRows;

    /// <summary>Rows per INSERT statement or bind block.</summary>
    [Params(1, 100, 10_000)]
    public int BatchSize { get; set; }

    /// <summary>The running server's address (after <see cref="Setup"/>).</summary>
    internal Uri ServerUrl => _server?.Url ?? throw new InvalidOperationException("not set up");

    /// <summary>Starts a server on a new data directory, the super table, and one open connection per way.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir }).GetAwaiter().GetResult();
        string authority = _server.Url.Authority;
        _rest = new TaosConnection($"Url=http://{authority};Database=ingest;Timeout=600;Pooling=false");
        _webSocket = new TaosConnection($"Url=ws://{authority};Timeout=600;Pooling=false");
        _webSocket.Open();
        using (var cmd = _webSocket.CreateCommand())
        {
            foreach (string sql in new[]
            {
                "create database if not exists ingest",
                "use ingest",
                "create stable if not exists m (ts timestamp, v bigint, f double, s varchar(16)) tags (g int)",
                "create table if not exists by_rest using m tags (1)",
                "create table if not exists by_ws using m tags (2)",
            })
            {
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }
        _rest.Open();
        _schemaless = new TaosConnection($"Url=ws://{authority};Database=ingest;Timeout=600;Pooling=false");
        _schemaless.Open();
        _writer = TaosBulkWriter.ForSuperTable(_webSocket, "m", BatchSize);
        _writer.UseTable("by_stmt", 3);
    }

    /// <summary>Closes the connections, stops the server and deletes its data.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        CheckSchemalessRows();
        _schemaless?.Dispose();
        _writer?.Dispose();
        _rest?.Dispose();
        _webSocket?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Multi-row INSERT text over REST, <see cref="BatchSize"/> rows per statement.</summary>
    [Benchmark(Baseline = true)]
    public long RestSqlBatch() => SqlBatches(_rest!, "by_rest");

    /// <summary>The same INSERT text over WebSocket.</summary>
    [Benchmark]
    public long WebSocketSqlBatch() => SqlBatches(_webSocket!, "by_ws");

    /// <summary>Stmt binary bind blocks of <see cref="BatchSize"/> rows through <see cref="TaosBulkWriter"/>'s typed appenders.</summary>
    [Benchmark]
    public long StmtBulkWriter()
    {
        var writer = _writer!;
        long first = Reserve();
        long before = writer.RowsWritten;
        for (long i = first; i < first + Rows; i++)
        {
            writer.Append(Start + i).Append(i).Append(i * 0.5).Append(Label(i));
            writer.EndRow();
        }
        writer.Flush();
        return Check(writer.RowsWritten - before);
    }

    /// <summary>InfluxDB line protocol over WebSocket, <see cref="BatchSize"/> lines per <c>insert</c> request.</summary>
    [Benchmark]
    public long SchemalessLines()
    {
        var connection = _schemaless!;
        long first = Reserve();
        var lines = new List<string>(BatchSize);
        for (long batch = first; batch < first + Rows; batch += BatchSize)
        {
            lines.Clear();
            for (long i = batch; i < Math.Min(first + Rows, batch + BatchSize); i++)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"sm,g=4 v={i}i64,f={i * 0.5},s=\"{Label(i)}\" {Start + i}"));
            }
            connection.SchemalessInsert([.. lines], TaosSchemalessProtocol.Line, TaosSchemalessPrecision.Milliseconds);
        }
        _linesWritten += Rows;
        return Rows;
    }

    // taosAdapter's insert reply carries no row count: the rows the lines wrote are counted once, at the end.
    private void CheckSchemalessRows()
    {
        if (_linesWritten == 0 || _schemaless is null) return;
        using var cmd = _schemaless.CreateCommand();
        cmd.CommandText = "select count(*) from sm";
        long stored = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (stored != _linesWritten) throw new InvalidOperationException($"the lines wrote {stored} rows of {_linesWritten}");
    }

    private long SqlBatches(TaosConnection connection, string table)
    {
        long first = Reserve();
        long written = 0;
        using var cmd = connection.CreateCommand();
        for (long batch = first; batch < first + Rows; batch += BatchSize)
        {
            _sql.Clear().Append("insert into ").Append(table).Append(" values ");
            for (long i = batch; i < Math.Min(first + Rows, batch + BatchSize); i++)
            {
                _sql.Append(CultureInfo.InvariantCulture, $"({Start + i},{i},{i * 0.5},'{Label(i)}')");
            }
            cmd.CommandText = _sql.ToString();
            written += cmd.ExecuteNonQuery();
        }
        return Check(written);
    }

    // Timestamps no invocation has written yet.
    private long Reserve()
    {
        long first = _next;
        _next += Rows;
        return first;
    }

    private static long Check(long written) => written == Rows ? written : throw new InvalidOperationException($"wrote {written} rows of {Rows}");

    /// <summary>The text value of row <paramref name="i"/> (one of seven words).</summary>
    internal static string Label(long i) => (i % 7) switch
    {
        0 => "alpha",
        1 => "beta",
        2 => "gamma",
        3 => "delta",
        4 => "epsilon",
        5 => "zeta",
        _ => "eta",
    };
}
