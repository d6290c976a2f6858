using Taos.Schemaless;

namespace Taos.Tests.Schemaless;

/// <summary>The writer's options: sane defaults, and values out of range refused when the writer is made.</summary>
public class TaosPointWriterOptionsTests
{
    [Fact]
    public void Defaults_batch_buffer_and_retry_sensibly()
    {
        var o = new TaosPointWriterOptions();
        Assert.Equal((5_000, 50_000, 5), (o.BatchSize, o.Capacity, o.MaxRetries));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)), (o.FlushInterval, o.RetryDelay, o.MaxRetryDelay));
        Assert.Equal(TaosSchemalessPrecision.Nanoseconds, o.Precision);
        Assert.Null(o.Ttl);
        Assert.Null(o.OnError);
    }

    public static TheoryData<Action<TaosPointWriterOptions>> OutOfRange => new()
    {
        o => o.BatchSize = 0,
        o => o.Capacity = 0,
        o => o.MaxRetries = -1,
        o => o.FlushInterval = TimeSpan.Zero,
        o => o.RetryDelay = TimeSpan.FromMilliseconds(-1),
        o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(1),
        o => o.Ttl = -1,
        o => o.Precision = (TaosSchemalessPrecision)42,
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Values_out_of_range_are_refused_when_the_writer_is_made(Action<TaosPointWriterOptions> change)
    {
        var options = new TaosPointWriterOptions();
        change(options);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaosPointWriter("Url=http://127.0.0.1:1;Database=db", options));
    }
}
