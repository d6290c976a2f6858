using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Streams;

/// <summary>An engine with TDengine's <c>meters</c> and helpers to wait for the stream worker.</summary>
public abstract class StreamTestBase : EngineTestBase
{
    /// <summary>2024-01-01 00:00:00 UTC in ms.</summary>
    protected const long T0 = 1704067200000;

    protected StreamTestBase()
    {
        Meters();
    }

    /// <summary>Waits until the stream worker processed everything written so far.</summary>
    protected void Settle()
    {
        Assert.True(Engine.Streams.WaitIdle(TimeSpan.FromSeconds(60)), "the stream worker did not catch up");
    }

    /// <summary>Inserts a row (current, voltage) into child table <paramref name="table"/> of meters at <paramref name="ts"/>.</summary>
    protected void Write(string table, long ts, double current, int voltage = 220, int group = 1) =>
        Exec($"insert into {table} using meters tags ({group}, 'loc{group}') values ({ts}, {current}, {voltage}, 0)");

    /// <summary>The rows of the stream's target after the worker caught up.</summary>
    private protected List<object?[]> Settled(string sql)
    {
        Settle();
        return Rows(sql);
    }
}
