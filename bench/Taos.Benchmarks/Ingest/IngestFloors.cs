using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;

namespace Taos.Benchmarks.Ingest;

/// <summary>
/// What bounds the ingest target (issue 16: stmt and schemaless at least 3× the rows/s of REST SQL batches of the same
/// size), measured side by side in one run (<c>--ingest-floors [ROUNDS]</c>): per batch size, the time of one batch by
/// each way of <see cref="IngestBenchmarks"/>, and the floors no implementation of a way can go under — a raw WebSocket
/// round trip that does no work (<c>version</c>), a raw HTTP round trip of the REST endpoint with a trivial statement,
/// and the row store's floor (<see cref="SqliteInsertFloor"/>: the batch stepped straight into SQLite). A stmt batch is at
/// least three WebSocket round trips (<c>bind</c>, <c>add_batch</c>, <c>exec</c>, which taosAdapter 3.3.0.1 runs each on
/// its own goroutine, so they cannot be pipelined) plus the store's write; a schemaless batch at least one round trip plus
/// the write. REST's measured time over those floors is the most any stmt or schemaless implementation could reach.
/// Rounds interleave every measurement (after ten rounds that only warm up); medians are printed.
/// </summary>
internal static class IngestFloors
{
    private static readonly int[] BatchSizes = [1, 100, 10_000];

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : 5;
        var samples = new Dictionary<string, List<double>>();
        int round = 0;
        void Add(string key, double micros)
        {
            if (round < 0) return;
            if (!samples.TryGetValue(key, out var list)) samples[key] = list = [];
            list.Add(micros);
        }
        var ways = BatchSizes.Select(b => new IngestBenchmarks { BatchSize = b }).ToList();
        using var storage = new SqliteInsertFloor();
        try
        {
            foreach (var way in ways) way.Setup();
            var url = ways[0].ServerUrl;
            using var webSocket = Connect(url);
            using var http = new HttpClient();
            // The first rounds only warm up (the JIT's optimized code, the server's caches): they are not recorded.
            const int WarmUp = 10;
            for (round = -WarmUp; round < rounds; round++)
            {
                Add("ws", PerOp(400, () => WebSocketRoundTrip(webSocket)));
                Add("http", PerOp(400, () => HttpRoundTrip(http, url)));
                foreach (var way in ways)
                {
                    int b = way.BatchSize;
                    int batches = b == 1 ? 400 : b == 100 ? 40 : 3;
                    Environment.SetEnvironmentVariable(IngestBenchmarks.RowsVariable, (batches * b).ToString(CultureInfo.InvariantCulture));
                    Add($"rest/{b}", PerBatch(batches, () => way.RestSqlBatch()));
                    Add($"stmt/{b}", PerBatch(batches, () => way.StmtBulkWriter()));
                    Add($"sml/{b}", PerBatch(batches, () => way.SchemalessLines()));
                    Add($"store/{b}", PerBatch(batches, () => storage.Write(batches, b)));
                }
            }
        }
        finally
        {
            foreach (var way in ways) way.Cleanup();
            Environment.SetEnvironmentVariable(IngestBenchmarks.RowsVariable, null);
        }
        Print(samples, rounds);
    }

    private static void Print(Dictionary<string, List<double>> samples, int rounds)
    {
        double Median(string key)
        {
            var sorted = samples[key].Order().ToList();
            return sorted[sorted.Count / 2];
        }
        double ws = Median("ws"), http = Median("http");
        Console.WriteLine($"Ingest floors, medians of {rounds} interleaved rounds (µs per batch unless noted)");
        Console.WriteLine($"raw WebSocket round trip (version): {ws:F1} µs; raw REST round trip (select server_version()): {http:F1} µs");
        Console.WriteLine();
        Console.WriteLine("| batch | REST SQL | stmt | schemaless | row store floor | stmt floor (3 RT + store) | schemaless floor (1 RT + store) | stmt/REST now | most stmt/REST | schemaless/REST now | most schemaless/REST |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int b in BatchSizes)
        {
            double rest = Median($"rest/{b}"), stmt = Median($"stmt/{b}"), sml = Median($"sml/{b}"), store = Median($"store/{b}");
            double stmtFloor = (3 * ws) + store, smlFloor = ws + store;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {b:N0} | {rest:F1} | {stmt:F1} | {sml:F1} | {store:F1} | {stmtFloor:F1} | {smlFloor:F1} | {rest / stmt:F2}x | {rest / stmtFloor:F2}x | {rest / sml:F2}x | {rest / smlFloor:F2}x |"));
        }
    }

    private static double PerOp(int count, Action op)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < count; i++) op();
        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static double PerBatch(int batches, Action op)
    {
        var watch = Stopwatch.StartNew();
        op();
        return watch.Elapsed.TotalMicroseconds / batches;
    }

    private static readonly byte[] Version = """{"action":"version","args":{"req_id":1}}"""u8.ToArray();
    private static readonly byte[] Reply = new byte[64 * 1024];

    private static ClientWebSocket Connect(Uri url)
    {
        var socket = new ClientWebSocket();
        socket.ConnectAsync(new UriBuilder(url) { Scheme = "ws", Path = "/ws" }.Uri, CancellationToken.None).GetAwaiter().GetResult();
        return socket;
    }

    private static void WebSocketRoundTrip(ClientWebSocket socket)
    {
        socket.SendAsync(Version, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).GetAwaiter().GetResult();
        ValueWebSocketReceiveResult received;
        do received = socket.ReceiveAsync(Reply.AsMemory(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        while (!received.EndOfMessage);
    }

    private static void HttpRoundTrip(HttpClient http, Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/rest/sql")) { Content = new StringContent("select server_version()", Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("root:taosdata"u8));
        using var response = http.Send(request);
        response.EnsureSuccessStatusCode();
        response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }
}
