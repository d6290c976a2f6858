using System.Globalization;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// Streams <see cref="CannedAnswer"/> with many rows (default 10 M) through <see cref="TaosDataReader"/>, reading every
/// column, and prints the live managed heap (after a full collection) at every million rows: flat when the reader
/// keeps nothing per row. Run with <c>-- --reader-heap [ROWS]</c>.
/// </summary>
internal static class ReaderHeapCheck
{
    private const long Step = 1_000_000;

    /// <summary>Runs the check; <paramref name="args"/> may hold the row count.</summary>
    public static void Run(string[] args)
    {
        long rows = args.Length > 0 ? long.Parse(args[0], NumberStyles.None, CultureInfo.InvariantCulture) : 10 * Step;
        using var dataSource = new TaosDataSourceBuilder("Url=http://canned.invalid:6041;Database=power")
            .UseHttpMessageHandler(new CannedAnswerHandler(() => new CannedAnswerStream(rows)))
            .Build();
        using var command = dataSource.CreateCommand("select * from meters");
        Console.WriteLine($"live heap before the query: {LiveMegabytes():F1} MB");
        using var reader = command.ExecuteReader();
        long read = 0;
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.GetDateTime(0).Ticks + reader.GetInt32(1) + reader.GetInt64(2) +
                (long)reader.GetDouble(3) + (long)reader.GetFloat(4) + reader.GetString(5).Length;
            if (++read % Step == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read:N0} rows: live heap {LiveMegabytes():F1} MB"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read:N0} rows read (checksum {sum})"));
        if (read != rows)
        {
            throw new InvalidOperationException($"read {read} rows of {rows}");
        }
    }

    private static double LiveMegabytes() => GC.GetTotalMemory(forceFullCollection: true) / 1e6;
}
