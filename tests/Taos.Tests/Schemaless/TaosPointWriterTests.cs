using System.Collections.Concurrent;
using Taos.Schemaless;
using Taos.Tests.Integration;

namespace Taos.Tests.Schemaless;

/// <summary>
/// <see cref="TaosPointWriter"/> against the embedded server: batches by count and time, flush, nothing lost on
/// disposal, refused batches reported with their points, back-pressure bounded by the queue's capacity.
/// </summary>
public abstract class TaosPointWriterTests(ServerFixture server)
{
    /// <summary>The embedded server of the test's transport.</summary>
    protected ServerFixture Server { get; } = server;

    /// <summary>Points of the load test: 200,000 over WebSocket, fewer over REST to spare the shared machine.</summary>
    protected virtual int LoadPoints => 200_000;

    [TaosMeasurement("readings")]
    private sealed class Reading
    {
        [TaosTag(Name = "sensor")] public string Sensor { get; set; } = "";

        [TaosField(Name = "value")] public double Value { get; set; }

        [TaosField(Name = "seq")] public long Seq { get; set; }

        [TaosTimestamp] public DateTime At { get; set; }
    }

    /// <summary>A fresh database and a data source whose connections use it.</summary>
    protected TaosDataSource Database(string db)
    {
        Server.Run($"drop database if exists {db}", $"create database {db}");
        return TaosDataSource.Create(Server.ConnectionString(db));
    }

    private static long Count(TaosDataSource source, string sql)
    {
        using var cmd = source.CreateCommand(sql);
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static TaosPoint Point(int i) =>
        TaosPoint.Measurement("m").Tag("host", "h" + (i % 10)).Field("v", i).Timestamp(DateTime.UnixEpoch.AddSeconds(1_700_000_000).AddMilliseconds(i));

    [Fact]
    public async Task Every_point_written_before_disposal_is_in_the_table()
    {
        using var source = Database("pw_dispose");
        var writer = new TaosPointWriter(source, new TaosPointWriterOptions { BatchSize = 333, FlushInterval = TimeSpan.FromMinutes(1) });
        const int N = 10_000;
        for (int i = 0; i < N; i++)
        {
            if (i % 2 == 0) await writer.WriteAsync(Point(i));
            else writer.Write(Point(i));
        }
        await writer.DisposeAsync();
        Assert.Equal(N, writer.PointsWritten);
        Assert.Equal(0, writer.PointsFailed);
        Assert.Equal(N, Count(source, "select count(*) from m"));
        Assert.Equal((long)N * (N - 1) / 2, Count(source, "select sum(v) from m"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(Point(0)).AsTask());
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task Objects_are_written_through_their_attributes_and_flushed_on_request()
    {
        using var source = Database("pw_objects");
        await using var writer = new TaosPointWriter(source, new TaosPointWriterOptions { FlushInterval = TimeSpan.FromMinutes(1), Precision = TaosSchemalessPrecision.Milliseconds });
        var at = new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc);
        await writer.WriteAsync(new Reading { Sensor = "s,1 =", Value = 1.5, Seq = 1, At = at });
        writer.Write(new Reading { Sensor = "s2", Value = 2.5, Seq = 2, At = at.AddSeconds(1) });
        await writer.FlushAsync();
        Assert.Equal(2, writer.PointsWritten);
        using var cmd = source.CreateCommand("select _ts, sensor, `value`, seq from readings order by _ts");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal([at, "s,1 =", 1.5, 1L], new object[] { r.GetDateTime(0), r.GetString(1), r.GetDouble(2), r.GetInt64(3) });
        Assert.True(r.Read());
        Assert.Equal("s2", r.GetString(1));
    }

    [Fact]
    public async Task Escaped_names_and_values_read_back_exactly_as_built()
    {
        using var source = Database("pw_escape");
        await using var writer = new TaosPointWriter(source);
        const string Text = "say \"hi\", C:\\dir\\ a=b";
        await writer.WriteAsync(TaosPoint.Measurement("esc").Tag("t", "a,b=c d\\e").Field("s", Text).NCharField("n", "中\"文\\。").Field("u", ulong.MaxValue)
            .Timestamp(1_700_000_000_000_000_000));
        await writer.FlushAsync();
        using var cmd = source.CreateCommand("select t, s, n, u from esc");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(["a,b=c d\\e", Text, "中\"文\\。", ulong.MaxValue], new object[] { r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<ulong>(3) });
    }

    [Fact]
    public async Task A_partial_batch_is_sent_after_the_flush_interval()
    {
        using var source = Database("pw_interval");
        await using var writer = new TaosPointWriter(source, new TaosPointWriterOptions { BatchSize = 1000, FlushInterval = TimeSpan.FromMilliseconds(100) });
        for (int i = 0; i < 3; i++) await writer.WriteAsync(Point(i));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (writer.PointsWritten < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(3, writer.PointsWritten);
        Assert.Equal(3, Count(source, "select count(*) from m"));
    }

    [Fact]
    public async Task A_refused_batch_is_reported_with_its_points_and_the_code_while_other_batches_are_written()
    {
        using var source = Database("pw_refused");
        var failures = new ConcurrentQueue<TaosPointWriteException>();
        var writer = new TaosPointWriter(source, new TaosPointWriterOptions { OnError = failures.Enqueue, FlushInterval = TimeSpan.FromMinutes(1) });
        await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", 1).Timestamp(1_700_000_000_000_000_000));
        await writer.FlushAsync();
        var bad = TaosPoint.Measurement("m").Field("v", "text").Timestamp(1_700_000_001_000_000_000);
        await writer.WriteAsync(Point(5));
        await writer.WriteAsync(bad);
        await writer.FlushAsync();
        await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", 3).Timestamp(1_700_000_002_000_000_000));
        await writer.DisposeAsync();
        var failure = Assert.Single(failures);
        Assert.Equal(2, failure.Points.Count);
        Assert.Same(bad, failure.Points[1]);
        Assert.NotEqual(TaosException.ClientErrorCode, failure.ErrorCode);
        Assert.IsType<TaosException>(failure.InnerException);
        Assert.Equal((2, 2), (writer.PointsWritten, writer.PointsFailed));
        Assert.Equal(2, Count(source, "select count(*) from m"));
    }

    [Fact]
    public async Task Without_a_callback_the_failure_is_thrown_by_the_next_flush()
    {
        using var source = Database("pw_throw");
        await using var writer = new TaosPointWriter(source);
        await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", 1).Timestamp(1_700_000_000_000_000_000));
        await writer.FlushAsync();
        await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", true).Timestamp(1_700_000_001_000_000_000));
        var e = await Assert.ThrowsAsync<TaosPointWriteException>(() => writer.FlushAsync());
        Assert.Single(e.Points);
        await writer.FlushAsync();
        Assert.Throws<InvalidOperationException>(() => writer.Write(TaosPoint.Measurement("m")));
    }

    [Fact]
    public async Task A_batch_that_cannot_be_sent_at_all_is_reported_and_the_disposal_still_completes()
    {
        var source = Database("pw_gone");
        var failures = new ConcurrentQueue<TaosPointWriteException>();
        var writer = new TaosPointWriter(source, new TaosPointWriterOptions { OnError = failures.Enqueue });
        source.Dispose();
        await writer.WriteAsync(Point(1));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await writer.DisposeAsync();
        var failure = Assert.Single(failures);
        Assert.IsType<ObjectDisposedException>(failure.InnerException);
        Assert.Equal(TaosException.ClientErrorCode, failure.ErrorCode);
        Assert.Equal((0, 1), (writer.PointsWritten, writer.PointsFailed));
    }

    [Fact]
    public async Task Under_load_the_queue_never_holds_more_than_its_capacity_and_every_point_arrives()
    {
        using var source = Database("pw_load");
        int N = LoadPoints;
        const int Capacity = 2_000;
        var writer = new TaosPointWriter(source, new TaosPointWriterOptions { BatchSize = 1_000, Capacity = Capacity });
        int maxQueued = 0;
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (int i = p; i < N; i += 4)
            {
                await writer.WriteAsync(Point(i));
                if (i % 97 == 0) InterlockedMax(ref maxQueued, writer.Queued);
            }
        })).ToArray();
        await Task.WhenAll(producers);
        await writer.DisposeAsync();
        Assert.InRange(maxQueued, 1, Capacity);
        Assert.Equal(N, writer.PointsWritten);
        Assert.Equal(N, Count(source, "select count(*) from m"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

[Collection(ServerCollection.Name)]
public sealed class TaosPointWriterTestsOverRest(ServerFixture server) : TaosPointWriterTests(server)
{
    protected override int LoadPoints => 50_000;

    /// <summary>Fails the first <paramref name="failures"/> schemaless posts as a broken network would, then lets requests through.</summary>
    private sealed class FlakyHandler(int failures) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _left = failures;

        public int Failed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/influxdb/", StringComparison.Ordinal) && Interlocked.Decrement(ref _left) >= 0)
            {
                Failed++;
                throw new HttpRequestException("connection reset (injected)");
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_until_the_batch_is_written()
    {
        Server.Run("drop database if exists pw_retry", "create database pw_retry");
        var handler = new FlakyHandler(3);
        var builder = new TaosDataSourceBuilder(Server.ConnectionString("pw_retry")).UseHttpMessageHandler(handler);
        using var source = builder.Build();
        var writer = new TaosPointWriter(source, new TaosPointWriterOptions { RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 3 });
        await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", 1).Timestamp(1_700_000_000_000_000_000));
        await writer.DisposeAsync();
        Assert.Equal(3, handler.Failed);
        Assert.Equal(1, writer.PointsWritten);
        using var cmd = source.CreateCommand("select count(*) from m");
        Assert.Equal(1L, cmd.ExecuteScalar());
    }

    [Fact]
    public async Task A_producer_waits_while_a_stalled_server_holds_the_batch_and_the_queue_is_full()
    {
        var stalled = new StalledServer("");
        var failures = new ConcurrentQueue<TaosPointWriteException>();
        var writer = new TaosPointWriter($"Url={stalled.Url};Database=db;Timeout=60", new TaosPointWriterOptions
        {
            BatchSize = 5, Capacity = 10, MaxRetries = 0, OnError = failures.Enqueue,
        });
        for (int i = 0; i < 15; i++) await writer.WriteAsync(TaosPoint.Measurement("m").Field("v", i)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var blocked = writer.WriteAsync(TaosPoint.Measurement("m").Field("v", 15)).AsTask();
        await Task.Delay(300);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(10, writer.Queued);
        await stalled.DisposeAsync();
        await blocked.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(16, failures.Sum(f => f.Points.Count));
        Assert.All(failures, f => Assert.Equal(TaosException.ClientErrorCode, f.ErrorCode));
        Assert.Equal(0, writer.PointsWritten);
    }
}

[Collection(WsServerCollection.Name)]
public sealed class TaosPointWriterTestsOverWebSocket(WsServerFixture server) : TaosPointWriterTests(server);
