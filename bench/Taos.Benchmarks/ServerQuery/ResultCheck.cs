using System.Globalization;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>Checks that the engine and SQLite computed the same answer before either is timed.</summary>
internal static class ResultCheck
{
    /// <summary>
    /// The engine's rows (count, avg, max — after a leading window start when SQLite's rows have one more column
    /// than the count/avg/max) equal SQLite's: counts and maxima exactly, averages to 1e-9 relative.
    /// </summary>
    public static void Agree(string name, IEnumerable<object?[]> engineRows, List<object?[]> floorRows)
    {
        var rows = engineRows.ToList();
        if (rows.Count != floorRows.Count)
            throw new InvalidOperationException($"{name}: the engine returned {rows.Count} rows, SQLite {floorRows.Count}");
        for (int r = 0; r < rows.Count; r++)
        {
            var e = rows[r];
            var f = floorRows[r];
            int offset = f.Length - e.Length;
            double count = Number(e[0]), avg = Number(e[1]), max = Number(e[2]);
            double fCount = Number(f[offset]), fAvg = Number(f[offset + 1]), fMax = Number(f[offset + 2]);
            if (count != fCount || max != fMax || Math.Abs(avg - fAvg) > 1e-9 * Math.Max(1, Math.Abs(fAvg)))
                throw new InvalidOperationException($"{name}: row {r} differs: engine ({count}, {avg}, {max}), SQLite ({fCount}, {fAvg}, {fMax})");
        }
    }

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
