using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Taos.Tests.Integration;

/// <summary>A server holding 1 000 000 rows, inserted in batches of 10 000 rows per INSERT.</summary>
public sealed class MillionRowsFixture : IAsyncLifetime
{
    public const int Rows = 1_000_000;
    public const int Batch = 10_000;
    public const long Start = 1704067200000;

    public ServerFixture Server { get; } = new();

    public TimeSpan InsertTime { get; private set; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Server.Run("create database if not exists big", "create table if not exists big.t (ts timestamp, v int)");
        var sw = Stopwatch.StartNew();
        await using var cmd = Server.DataSource.CreateCommand();
        cmd.CommandTimeout = 300;
        var sb = new StringBuilder(Batch * 24);
        for (int b = 0; b < Rows / Batch; b++)
        {
            sb.Clear().Append("insert into big.t values ");
            for (int i = 0; i < Batch; i++)
            {
                long n = (long)b * Batch + i;
                sb.Append('(').Append(Start + n).Append(',').Append(n).Append(')');
            }
            cmd.CommandText = sb.ToString();
            int affected = await cmd.ExecuteNonQueryAsync();
            if (affected != Batch) throw new InvalidOperationException($"batch {b} wrote {affected} rows");
        }
        InsertTime = sw.Elapsed;
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Counts the bytes the client has taken from the network for the response body.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public long BytesReceived;

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Wrap(base.Send(request, cancellationToken));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Wrap(await base.SendAsync(request, cancellationToken));

    private HttpResponseMessage Wrap(HttpResponseMessage response)
    {
        var inner = response.Content;
        var content = new StreamContent(new CountingStream(inner.ReadAsStream(), this));
        foreach (var h in inner.Headers) content.Headers.TryAddWithoutValidation(h.Key, h.Value);
        response.Content = content;
        return response;
    }

    private sealed class CountingStream(Stream inner, CountingHandler owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            Interlocked.Add(ref owner.BytesReceived, n);
            return n;
        }
    }
}

public class StreamingTests(MillionRowsFixture fixture, ITestOutputHelper output) : IClassFixture<MillionRowsFixture>
{
    [Fact]
    public void Reading_a_million_rows_streams_with_flat_memory()
    {
        var counting = new CountingHandler();
        using var ds = new TaosDataSourceBuilder(fixture.Server.ConnectionString("big")).UseHttpMessageHandler(counting).Build();
        using var c = ds.CreateConnection();
        c.Open();
        long afterOpen = Interlocked.Read(ref counting.BytesReceived);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t";
        cmd.CommandTimeout = 300;
        var sw = Stopwatch.StartNew();
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        long receivedAtFirstRow = Interlocked.Read(ref counting.BytesReceived) - afterOpen;

        // Everything below runs synchronously on this thread: the client's allocations for decoding are exactly
        // what this thread allocates (the in-process server works on other threads).
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long heapBefore = GC.GetTotalMemory(true);
        long maxHeap = heapBefore;
        long rows = 1, sum = r.GetInt32(1);
        var expectedTs = new TaosTimestamp(MillionRowsFixture.Start, TaosPrecision.Milliseconds);
        Assert.Equal(expectedTs, r.GetTaosTimestamp(0));
        while (r.Read())
        {
            sum += r.GetInt32(1);
            rows++;
            if (rows % 100_000 == 0) maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long total = Interlocked.Read(ref counting.BytesReceived) - afterOpen;
        sw.Stop();

        output.WriteLine($"insert of {MillionRowsFixture.Rows} rows: {fixture.InsertTime.TotalSeconds:F1} s");
        output.WriteLine($"read {rows} rows in {sw.Elapsed.TotalSeconds:F1} s; response body {total / 1e6:F1} MB; " +
            $"received before the first row was returned: {receivedAtFirstRow / 1e3:F0} kB; allocated by the reading thread: {allocated / 1e3:F0} kB; " +
            $"process managed heap before {heapBefore / 1e6:F1} MB, max during read {maxHeap / 1e6:F1} MB");

        Assert.Equal(MillionRowsFixture.Rows, rows);
        Assert.Equal((long)MillionRowsFixture.Rows * (MillionRowsFixture.Rows - 1) / 2, sum);
        Assert.True(total > 20_000_000, $"response was only {total} bytes");
        // The first row came out while almost all of the body was still on the wire (no buffering of the response).
        Assert.True(receivedAtFirstRow < total / 20, $"{receivedAtFirstRow} of {total} bytes had been received at the first row");
        // Decoding numbers and timestamps allocates (almost) nothing per row (~2 B/row measured): far below the response size,
        // where buffering the body or boxing each value would allocate more than the response itself.
        Assert.True(allocated < total / 8, $"the reading thread allocated {allocated} bytes for a {total}-byte response");
    }

    [Fact]
    public async Task Cancellation_mid_read_of_a_large_result_stops_it()
    {
        await using var c = new TaosConnection(fixture.Server.ConnectionString("big"));
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t";
        cmd.CommandTimeout = 300;
        using var cts = new CancellationTokenSource();
        await using var r = await cmd.ExecuteReaderAsync(cts.Token);
        int rows = 0;
        var ex = await Record.ExceptionAsync(async () =>
        {
            while (await r.ReadAsync(cts.Token))
            {
                if (++rows == 50_000) cts.Cancel();
            }
        });
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
        Assert.Equal(50_000, rows);
    }

    [Fact]
    public async Task Closing_a_reader_early_does_not_read_the_rest()
    {
        var counting = new CountingHandler();
        await using var ds = new TaosDataSourceBuilder(fixture.Server.ConnectionString("big")).UseHttpMessageHandler(counting).Build();
        await using var cmd = ds.CreateCommand("select ts, v from t");
        cmd.CommandTimeout = 300;
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            for (int i = 0; i < 10; i++) Assert.True(await r.ReadAsync());
        }
        await Task.Delay(200);
        Assert.True(counting.BytesReceived < 5_000_000, $"{counting.BytesReceived} bytes were read after closing");
    }

    [Fact]
    public void Reading_a_million_rows_over_WebSocket_reads_numbers_and_timestamps_without_allocating_per_value()
    {
        using var c = new TaosConnection("Url=ws://" + fixture.Server.Url.Authority + ";Database=big");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t";
        cmd.CommandTimeout = 300;
        var sw = Stopwatch.StartNew();
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        var expectedTs = new TaosTimestamp(MillionRowsFixture.Start, TaosPrecision.Milliseconds);
        Assert.Equal(expectedTs, r.GetTaosTimestamp(0));
        long heapBefore = GC.GetTotalMemory(true);
        long maxHeap = heapBefore;
        long rows = 1, sum = r.GetInt32(1), lastTicks = r.GetTaosTimestamp(0).EpochTicks;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        while (r.Read())
        {
            sum += r.GetInt32(1);
            lastTicks = r.GetTaosTimestamp(0).EpochTicks;
            rows++;
            if (rows % 100_000 == 0) maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        sw.Stop();
        output.WriteLine($"WebSocket: read {rows} rows in {sw.Elapsed.TotalSeconds:F1} s; allocated by the reading thread: {allocated / 1e3:F0} kB; " +
            $"process managed heap before {heapBefore / 1e6:F1} MB, max during read {maxHeap / 1e6:F1} MB");

        Assert.Equal(MillionRowsFixture.Rows, rows);
        Assert.Equal((long)MillionRowsFixture.Rows * (MillionRowsFixture.Rows - 1) / 2, sum);
        Assert.Equal(MillionRowsFixture.Start + MillionRowsFixture.Rows - 1, lastTicks);
        // The blocks themselves arrive on the receive loop's threads; per row the reader allocates nothing (the
        // budget covers the requests of the ~250 fetch rounds of 4096-row blocks, some 1.5 kB each; one object per
        // value would be at least 48 MB).
        Assert.True(allocated < 4_000_000, $"the reading thread allocated {allocated} bytes for {rows} rows");
        Assert.True(maxHeap - heapBefore < 100_000_000, $"the heap grew from {heapBefore} to {maxHeap} bytes");
    }

    [Fact]
    public async Task Closing_a_WebSocket_reader_early_frees_the_result_and_keeps_the_socket_usable()
    {
        await using var c = new TaosConnection("Url=ws://" + fixture.Server.Url.Authority + ";Database=big");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t";
        for (int round = 0; round < 3; round++)
        {
            await using var r = await cmd.ExecuteReaderAsync();
            for (int i = 0; i < 10; i++) Assert.True(await r.ReadAsync());
            Assert.Equal(9, r.GetInt32(1));
        }
        cmd.CommandText = "select count(*) from t";
        Assert.Equal((long)MillionRowsFixture.Rows, await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Cancellation_mid_read_over_WebSocket_stops_the_read_and_the_connection_goes_on()
    {
        await using var c = new TaosConnection("Url=ws://" + fixture.Server.Url.Authority + ";Database=big");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t";
        using var cts = new CancellationTokenSource();
        await using (var r = await cmd.ExecuteReaderAsync(cts.Token))
        {
            int rows = 0;
            var ex = await Record.ExceptionAsync(async () =>
            {
                while (await r.ReadAsync(cts.Token))
                {
                    if (++rows == 50_000) cts.Cancel();
                }
            });
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.Equal(50_000, rows);
        }
        cmd.CommandText = "select last(v) from t";
        Assert.Equal(MillionRowsFixture.Rows - 1, await cmd.ExecuteScalarAsync());
    }
}
