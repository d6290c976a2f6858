using System.Globalization;
using Taos.Server.Engine;
using Taos.Server.Storage.Sqlite;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>
/// The embedded server's query engine against the storage's floor (SQLite computing the same aggregate directly
/// over the stored rows), side by side in one run, then LAST_ROW/LAST per table (<see cref="LastRowCases"/>). Prints
/// medians and ratios; see bench/README.md.
/// </summary>
internal static class ServerQueryHarness
{
    /// <summary>Runs the comparison with the options of <see cref="BenchOptions.Parse"/>.</summary>
    public static void Run(string[] args)
    {
        var options = BenchOptions.Parse(args);
        string dir = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "taos-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            Measure(options, dir);
        }
        finally
        {
            if (options.DataDirectory is null)
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>Stores the data set (unless kept), then times and prints the aggregates and the LAST_ROW/LAST cases.</summary>
    private static void Measure(BenchOptions options, string dir)
    {
        var results = new List<(string Name, Measurement Engine, Measurement Floor)>();
        using var engine = new SqlEngine(new SqliteStore(dir), TimeZoneInfo.Utc);
        MeterData.Ensure(engine, options.Tables, options.RowsPerTable, Console.Out);
        using var floor = new SqliteFloor(dir);
        var session = new SqlSession { Database = "power" };
        long Query(string sql)
        {
            var result = (RowSetResult)engine.Execute(sql, session);
            long n = 0;
            foreach (var _ in result.Rows) n++;
            return n;
        }
        var cases = new (string Name, string Sql, string Floor)[]
        {
            ("count/avg/max", "select count(*), avg(current), max(voltage) from meters", floor.Aggregate),
            ("... interval(1m)", "select count(*), avg(current), max(voltage) from meters interval(1m)", floor.PerMinute),
        };
        foreach (var (name, sql, floorSql) in cases)
        {
            ResultCheck.Agree(name, ((RowSetResult)engine.Execute(sql, session)).Rows, floor.Rows(floorSql));
            var engineRuns = new List<Measurement>();
            var floorRuns = new List<Measurement>();
            for (int run = 0; run < options.Runs; run++)
            {
                engineRuns.Add(Measurement.Of(() => Query(sql)));
                floorRuns.Add(Measurement.Of(() => floor.Run(floorSql)));
            }
            results.Add((name, Median(engineRuns), Median(floorRuns)));
        }
        Print(options, results);
        LastRowCases.Print(new LastRowCases(engine, session, floor).Measure(options.Runs));
    }

    private static void Print(BenchOptions options, List<(string Name, Measurement Engine, Measurement Floor)> results)
    {
        long total = (long)options.Tables * options.RowsPerTable;
        Console.WriteLine();
        Console.WriteLine($"{total:N0} rows in {options.Tables} child tables, median of {options.Runs} runs each, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| query | engine | SQLite floor | ratio | engine allocated | engine peak heap growth |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, e, f) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {e.Elapsed.TotalMilliseconds:F0} ms | {f.Elapsed.TotalMilliseconds:F0} ms | {e.Elapsed / f.Elapsed:F2}x | {e.Allocated / 1e6:F1} MB | {e.PeakHeapGrowth / 1e6:F1} MB |"));
        }
    }

    private static Measurement Median(List<Measurement> runs) => runs.OrderBy(m => m.Elapsed).ElementAt(runs.Count / 2);
}
