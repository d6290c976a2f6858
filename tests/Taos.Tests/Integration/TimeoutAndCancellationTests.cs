using System.Diagnostics;

namespace Taos.Tests.Integration;

public class TimeoutAndCancellationTests
{
    private const string Head = "{\"code\":0,\"column_meta\":[[\"ts\",\"TIMESTAMP\",8],[\"v\",\"INT\",4]],\"data\":[[\"2024-01-01T00:00:00.000Z\",1],[\"2024-01-01T00:00:01.000Z\",2],";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Server_that_never_answers_times_out_with_TaosException(bool async)
    {
        await using var stalled = new StalledServer("");
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=1");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from meters";
        var sw = Stopwatch.StartNew();
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => cmd.ExecuteReaderAsync()) : Assert.Throws<TaosException>(() => cmd.ExecuteReader());
        sw.Stop();
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.Equal("select * from meters", e.Sql);
        Assert.True(e.IsTransient);
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Answer_that_stalls_mid_read_times_out(bool async)
    {
        await using var stalled = new StalledServer(StalledServer.ChunkedPrefix(Head));
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=1");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from t";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(async ? await r.ReadAsync() : r.Read());
        Assert.Equal(1, r.GetInt32(1));
        Assert.True(async ? await r.ReadAsync() : r.Read());
        Assert.Equal(2, r.GetInt32(1));
        var sw = Stopwatch.StartNew();
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => r.ReadAsync()) : Assert.Throws<TaosException>(() => r.Read());
        Assert.IsType<TimeoutException>(e.InnerException);
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_mid_read_throws_OperationCanceledException_promptly()
    {
        await using var stalled = new StalledServer(StalledServer.ChunkedPrefix(Head));
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=0");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from t";
        using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.True(await r.ReadAsync());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => r.ReadAsync(cts.Token));
        Assert.InRange(sw.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_before_the_answer_throws_OperationCanceledException()
    {
        await using var stalled = new StalledServer("");
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=0");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cmd.ExecuteScalarAsync(cts.Token));
    }

    [Fact]
    public async Task Command_Cancel_aborts_the_running_read()
    {
        await using var stalled = new StalledServer(StalledServer.ChunkedPrefix(Head));
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=0");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select * from t";
        using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.True(await r.ReadAsync());
        var pending = r.ReadAsync();
        await Task.Delay(200);
        cmd.Cancel();
        var e = await Record.ExceptionAsync(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<TaosException>(e);
    }
}

public class CommandCancelBeforeAnswerTests
{
    [Fact]
    public async Task Command_Cancel_while_ExecuteNonQuery_waits_for_the_answer_ends_it_promptly()
    {
        await using var stalled = new StalledServer("");
        using var c = new TaosConnection($"Url={stalled.Url};Timeout=0");
        c.OpenWithoutCheck();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "insert into t values (now, 1)";
        var running = Task.Run(() => cmd.ExecuteNonQuery());
        // Cancel only once the request is out: a Cancel before the execution starts does nothing (ADO.NET).
        await stalled.RequestReceived.WaitAsync(TimeSpan.FromSeconds(10));
        cmd.Cancel();
        var e = await Record.ExceptionAsync(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsAssignableFrom<OperationCanceledException>(e);
    }
}
