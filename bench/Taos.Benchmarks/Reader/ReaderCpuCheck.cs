using System.Diagnostics;
using System.Globalization;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// The <see cref="ReaderBenchmarks"/> in turn, round after round for a while (default 60 s), each timed by the CPU time
/// the process spent on it rather than by the clock: on a machine shared with other busy processes a wall-clock
/// benchmark also measures the waits for a core, CPU time mostly does not. Prints the minimum, first quartile and
/// median per benchmark, and their ratios to the bare <c>Utf8JsonReader</c> pass. Run with
/// <c>-- --reader-cpu [SECONDS]</c>.
/// </summary>
internal static class ReaderCpuCheck
{
    /// <summary>Runs the comparison; <paramref name="args"/> may hold the duration in seconds.</summary>
    public static void Run(string[] args)
    {
        int seconds = args.Length > 0 ? int.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : 60;
        var benchmarks = new ReaderBenchmarks { Rows = CannedAnswer.Rows };
        benchmarks.Setup();
        (string Name, Func<long> Run)[] runs =
        [
            (nameof(ReaderBenchmarks.Utf8JsonReaderPass), benchmarks.Utf8JsonReaderPass),
            (nameof(ReaderBenchmarks.Utf8JsonReaderConvert), benchmarks.Utf8JsonReaderConvert),
            (nameof(ReaderBenchmarks.JsonDocumentConvert), benchmarks.JsonDocumentConvert),
            (nameof(ReaderBenchmarks.RestEnvelopeReaderRows), benchmarks.RestEnvelopeReaderRows),
            (nameof(ReaderBenchmarks.TaosDataReaderGetters), benchmarks.TaosDataReaderGetters),
            (nameof(ReaderBenchmarks.TaosDataReaderFieldValues), benchmarks.TaosDataReaderFieldValues),
        ];
        var times = runs.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || times[0].Count < 3)
        {
            for (int i = 0; i < runs.Length; i++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                runs[i].Run();
                process.Refresh();
                times[i].Add((process.TotalProcessorTime - before).TotalMilliseconds);
            }
        }
        benchmarks.Cleanup();
        // The first round runs partly unoptimized code (tiered compilation): it is left out.
        var stats = times.Select(t => t.Skip(1).Order().ToArray()).ToArray();
        double baseline = stats[0][stats[0].Length / 4];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CannedAnswer.Rows:N0} rows, {stats[0].Length} rounds, CPU ms (min / p25 / median), ratio of p25 to the bare pass's"));
        for (int i = 0; i < runs.Length; i++)
        {
            var s = stats[i];
            double p25 = s[s.Length / 4];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {runs[i].Name} | {s[0]:F1} | {p25:F1} | {s[s.Length / 2]:F1} | {p25 / baseline:F2} |"));
        }
    }
}
