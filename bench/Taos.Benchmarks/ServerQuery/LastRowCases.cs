using System.Globalization;
using Taos.Server.Engine;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>
/// LAST_ROW and LAST per table over <c>power.meters</c>: the engine's seek of each table's deciding rows, the same
/// query kept on the scan path (an always-true filter over a column rules the seek out), and SQLite's own
/// <c>max(ts) … GROUP BY tid</c> over the stored rows (the floor of answering by a scan). Checks first that the
/// seek and the scan give the same rows.
/// </summary>
internal sealed class LastRowCases(SqlEngine engine, SqlSession session, SqliteFloor floor)
{
    /// <summary>True for every row, over a column: the planner must scan.</summary>
    private const string ForceScan = " where current is null or current is not null";

    /// <summary>The queries: name, the query, where its WHERE goes.</summary>
    private static readonly (string Name, string Select, string Tail)[] Cases =
    [
        ("last_row(*) partition by tbname", "select last_row(*) from meters", " partition by tbname"),
        ("last(*)", "select last(*) from meters", ""),
    ];

    /// <summary>Each case's medians over <paramref name="runs"/> runs: seek, scan path, SQLite floor.</summary>
    public List<(string Name, Measurement Seek, Measurement Scan, Measurement Floor)> Measure(int runs)
    {
        var results = new List<(string, Measurement, Measurement, Measurement)>();
        foreach (var (name, select, tail) in Cases)
        {
            string seek = select + tail, scan = select + ForceScan + tail;
            Agree(name, seek, scan);
            var seekRuns = new List<Measurement>();
            var scanRuns = new List<Measurement>();
            var floorRuns = new List<Measurement>();
            for (int run = 0; run < runs; run++)
            {
                seekRuns.Add(Measurement.Of(() => Count(seek)));
                scanRuns.Add(Measurement.Of(() => Count(scan)));
                floorRuns.Add(Measurement.Of(() => floor.Run(floor.LastPerTable)));
            }
            results.Add((name, Median(seekRuns), Median(scanRuns), Median(floorRuns)));
        }
        return results;
    }

    /// <summary>Prints the table bench/README.md records.</summary>
    public static void Print(List<(string Name, Measurement Seek, Measurement Scan, Measurement Floor)> results)
    {
        Console.WriteLine();
        Console.WriteLine("| query | engine (seek) | engine (scan path) | SQLite max(ts) group by tid | scan/seek | seek allocated |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, seek, scan, floor) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {seek.Elapsed.TotalMilliseconds:F1} ms | {scan.Elapsed.TotalMilliseconds:F0} ms | {floor.Elapsed.TotalMilliseconds:F0} ms | {scan.Elapsed / seek.Elapsed:F0}x | {seek.Allocated / 1e6:F1} MB |"));
        }
    }

    private void Agree(string name, string seek, string scan)
    {
        var a = Rows(seek);
        var b = Rows(scan);
        if (a.Count != b.Count || a.Zip(b).Any(p => !p.First.SequenceEqual(p.Second)))
            throw new InvalidOperationException($"{name}: the seek and the scan differ ({a.Count} and {b.Count} rows)");
        if (a.Count == 0) throw new InvalidOperationException($"{name}: no rows");
    }

    private List<object?[]> Rows(string sql) => ((RowSetResult)engine.Execute(sql, session)).Rows.ToList();

    private long Count(string sql)
    {
        long n = 0;
        foreach (var _ in ((RowSetResult)engine.Execute(sql, session)).Rows) n++;
        return n;
    }

    private static Measurement Median(List<Measurement> runs) => runs.OrderBy(m => m.Elapsed).ElementAt(runs.Count / 2);
}
