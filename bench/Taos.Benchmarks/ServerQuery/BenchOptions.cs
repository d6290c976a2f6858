using System.Globalization;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>The command line: how much data to store and how often to repeat each query.</summary>
internal sealed record BenchOptions(int Tables, int RowsPerTable, int Runs, string? DataDirectory)
{
    /// <summary>
    /// <c>--tables N</c> (default 1000), <c>--rows N</c> per table (default 10000), <c>--runs N</c> timed runs per
    /// query (default 5), <c>--data DIR</c> to keep (and reuse) the stored rows, <c>--smoke</c> for a seconds-long
    /// run on 100 × 1000 rows (CI).
    /// </summary>
    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(1000, 10_000, 5, null);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Count() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) is > 0 and var n
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive count");
            o = args[i] switch
            {
                "--tables" => o with { Tables = Count() },
                "--rows" => o with { RowsPerTable = Count() },
                "--runs" => o with { Runs = Count() },
                "--data" => o with { DataDirectory = Next() },
                "--smoke" => o with { Tables = 100, RowsPerTable = 1000, Runs = 2 },
                _ => throw new ArgumentException($"unknown option {args[i]} (--tables N --rows N --runs N --data DIR --smoke)"),
            };
        }
        return o;
    }
}
