using BenchmarkDotNet.Attributes;
using Taos.Protocol.RawBlock;
using Taos.Server;

namespace Taos.Benchmarks.Ingest;

/// <summary>
/// The client's share of a stmt bulk write, without the server's: <see cref="IngestBenchmarks.Rows"/> rows of
/// <c>(ts timestamp, v bigint, f double, s varchar(16))</c> appended through <see cref="TaosBulkWriter"/>'s typed
/// appenders (<see cref="WriterAppend"/>; the batch is sent to an embedded server after each invocation, outside the
/// measurement), the same values appended straight into the bind columns (<see cref="FillColumns"/>), and the bind block
/// assembled from the filled columns (<see cref="EncodeBindBlock"/>). <see cref="WriterAppend"/> has one invocation per
/// iteration (the send between iterations empties the batch), so it runs with caches the send has cooled and with few
/// calls for the JIT to tier up; <see cref="FillColumns"/> is the same per-value work without the writer's checks.
/// Run with <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*BulkAppend*' --job short --inProcess</c>
/// (the CI smoke runs it with the other <c>*Ingest*</c> benchmarks).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class BulkAppendBenchmarks
{
    private const long Start = 1_700_000_000_000;

    // Read once: IngestBenchmarks.Rows looks the environment variable up on every call.
    private readonly int _rows = IngestBenchmarks.Rows;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-bench-append-" + Guid.NewGuid().ToString("N"));
    private readonly BindColumn[] _columns;

    private TaosServer? _server;
    private TaosConnection? _connection;
    private TaosBulkWriter? _writer;
    private byte[] _block = [];
    private long _next;

    /// <summary>Creates the bind columns of the table, with room for an invocation's rows.</summary>
    public BulkAppendBenchmarks() =>
        _columns = [new(TaosDataType.Timestamp, 8, _rows), new(TaosDataType.BigInt, 8, _rows), new(TaosDataType.Double, 8, _rows), new(TaosDataType.VarChar, 16, _rows)];

    /// <summary>Starts a server with the table, opens the writer (its batches larger than an invocation) and fills the columns once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = _dir }).GetAwaiter().GetResult();
        _connection = new TaosConnection($"Url=ws://{_server.Url.Authority};Timeout=600;Pooling=false");
        _connection.Open();
        using (var cmd = _connection.CreateCommand())
        {
            foreach (string sql in new[] { "create database if not exists append_bench", "use append_bench",
                "create table if not exists t (ts timestamp, v bigint, f double, s varchar(16))" })
            {
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
        }
        _writer = TaosBulkWriter.ForTable(_connection, "t", _rows + 1);
        FillColumns();
        _block = new byte[BindBlockWriter.Measure(_columns)];
    }

    /// <summary>Closes the writer, stops the server and deletes its data; returns the columns' buffers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _writer?.Dispose();
        _connection?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var column in _columns) column.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Rows appended value by value through the writer and ended; the rows pending.</summary>
    [Benchmark(Baseline = true)]
    public int WriterAppend()
    {
        var writer = _writer!;
        long first = _next;
        _next += _rows;
        for (long i = first; i < _next; i++)
        {
            writer.Append(Start + i).Append(i).Append(i * 0.5).Append(IngestBenchmarks.Label(i));
            writer.EndRow();
        }
        return writer.PendingRows == _rows ? writer.PendingRows : throw new InvalidOperationException($"{writer.PendingRows} rows pending");
    }

    /// <summary>Sends the rows of the invocation (not measured), so that every invocation starts from an empty batch.</summary>
    [IterationCleanup(Target = nameof(WriterAppend))]
    public void SendAppended() => _writer!.Flush();

    /// <summary>The same values appended straight into the bind columns (what the writer does per value, without its checks).</summary>
    [Benchmark]
    public int FillColumns()
    {
        var (ts, v, f, s) = (_columns[0], _columns[1], _columns[2], _columns[3]);
        foreach (var column in _columns) column.Clear();
        for (long i = 0; i < _rows; i++)
        {
            ts.Append64((ulong)(Start + i));
            v.Append64((ulong)i);
            f.Append64(BitConverter.DoubleToUInt64Bits(i * 0.5));
            s.AppendString(IngestBenchmarks.Label(i));
        }
        return s.Rows;
    }

    /// <summary>The bind block of the filled columns assembled into a frame buffer; its length.</summary>
    [Benchmark]
    public int EncodeBindBlock() => BindBlockWriter.Write(_columns, _block);
}
