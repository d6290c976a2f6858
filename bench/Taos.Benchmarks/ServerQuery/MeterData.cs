using System.Globalization;
using System.Text;
using Taos.Server.Engine;

namespace Taos.Benchmarks.ServerQuery;

/// <summary>
/// The smart-meter data set: super table <c>power.meters</c> (ts, current FLOAT, voltage INT, phase FLOAT; tags
/// groupid INT, location VARCHAR) with one child table per meter and one row per second, stored through SQL INSERT.
/// </summary>
internal static class MeterData
{
    /// <summary>Rows per INSERT statement.</summary>
    private const int RowsPerInsert = 5000;

    /// <summary>Creates the database and stores <paramref name="tables"/> × <paramref name="rows"/> rows unless they are there already.</summary>
    public static void Ensure(SqlEngine engine, int tables, int rows, TextWriter log)
    {
        var session = new SqlSession();
        if (engine.Catalog.FindTable("power", "meters") is not null && engine.Catalog.ChildTables("power", "meters").Count == tables)
        {
            log.WriteLine($"reusing the stored {tables} tables");
            return;
        }
        engine.Execute("DROP DATABASE IF EXISTS power", session);
        engine.Execute("CREATE DATABASE power PRECISION 'ms' KEEP 3650", session);
        engine.Execute("CREATE STABLE power.meters (ts TIMESTAMP, current FLOAT, voltage INT, phase FLOAT) TAGS (groupid INT, location VARCHAR(24))", session);
        long start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 86_400_000L) / 60_000 * 60_000;
        var random = new Random(42);
        var sql = new StringBuilder();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int t = 0; t < tables; t++)
        {
            for (int from = 0; from < rows; from += RowsPerInsert)
            {
                sql.Clear().Append(CultureInfo.InvariantCulture, $"INSERT INTO power.d{t} USING power.meters TAGS ({t % 10}, 'California.{t % 7}') VALUES ");
                for (int r = from; r < Math.Min(rows, from + RowsPerInsert); r++)
                {
                    sql.Append(CultureInfo.InvariantCulture, $"({start + r * 1000L},{random.Next(50, 150) / 10.0},{random.Next(200, 240)},{random.Next(-100, 100) / 100.0})");
                }
                engine.Execute(sql.ToString(), session);
            }
        }
        log.WriteLine($"stored {(long)tables * rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
    }
}
