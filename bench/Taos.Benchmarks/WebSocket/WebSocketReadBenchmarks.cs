using BenchmarkDotNet.Attributes;

namespace Taos.Benchmarks.WebSocket;

/// <summary>
/// The same result — <c>select * from bench.meters</c>, <see cref="MetersTable.Rows"/> rows of six columns — read
/// from the embedded server over loopback through <see cref="TaosDataReader"/>'s typed getters, over REST (JSON
/// text) and over WebSocket (raw blocks). Run with
/// <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*WebSocketRead*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class WebSocketReadBenchmarks
{
    private MetersTable? _table;
    private TaosDataSource? _rest;
    private TaosDataSource? _webSocket;

    /// <summary>The result's row count (<see cref="MetersTable.Rows"/>).</summary>
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    /// <summary>The one row count of this run.</summary>
    public static IEnumerable<int> RowCounts => [MetersTable.Rows];

    /// <summary>Starts the server (filling the table the first time) and a data source per transport.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _table = MetersTable.OpenAsync(Rows).GetAwaiter().GetResult();
        _rest = TaosDataSource.Create($"Url=http://{_table.Authority};Database=bench;Timeout=600");
        _webSocket = TaosDataSource.Create($"Url=ws://{_table.Authority};Database=bench;Timeout=600");
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _rest?.Dispose();
        _webSocket?.Dispose();
        _table?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Over REST.</summary>
    [Benchmark(Baseline = true)]
    public long Rest() => ReadAll(_rest!);

    /// <summary>Over WebSocket.</summary>
    [Benchmark]
    public long WebSocket() => ReadAll(_webSocket!);

    private long ReadAll(TaosDataSource source)
    {
        using var connection = source.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "select * from meters";
        using var reader = command.ExecuteReader();
        long sum = 0, rows = 0;
        while (reader.Read())
        {
            sum += reader.GetDateTime(0).Ticks;
            sum += reader.GetInt32(1);
            sum += reader.GetInt64(2);
            sum += (long)reader.GetDouble(3);
            sum += (long)reader.GetFloat(4);
            sum += reader.GetString(5).Length;
            rows++;
        }
        return rows == Rows ? sum : throw new InvalidOperationException($"read {rows} rows of {Rows}");
    }
}
