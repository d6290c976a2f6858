using System.Diagnostics;

namespace Taos.Benchmarks;

/// <summary>One timed run: wall time, result rows, bytes allocated and the managed heap's peak above its start.</summary>
internal readonly record struct Measurement(TimeSpan Elapsed, long Rows, long Allocated, long PeakHeapGrowth)
{
    /// <summary>Runs <paramref name="work"/> once (after a full GC), sampling the managed heap every millisecond.</summary>
    public static Measurement Of(Func<long> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(false);
        long peak = heapBefore;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                long now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peak)) Volatile.Write(ref peak, now);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        long allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        long rows = work();
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        stop.Cancel();
        sampler.Join();
        return new Measurement(watch.Elapsed, rows, allocated, Math.Max(0, Volatile.Read(ref peak) - heapBefore));
    }
}
