using System.Globalization;
using System.Text;
using Taos.Server;

namespace Taos.Benchmarks.WebSocket;

/// <summary>
/// An embedded server whose <c>bench.meters</c> holds the six columns of the reader benchmark (ts, int, bigint,
/// double, float, varchar) for <see cref="Rows"/> rows, kept in a data directory so that later runs (and
/// BenchmarkDotNet's processes) reuse it.
/// </summary>
internal sealed class MetersTable : IAsyncDisposable
{
    /// <summary>The environment variable that overrides <see cref="DefaultRows"/> (a CI smoke uses a few thousand).</summary>
    public const string RowsVariable = "TAOS_BENCH_WS_ROWS";

    /// <summary>The row count of the recorded measurements.</summary>
    public const int DefaultRows = 1_000_000;

    private const int Batch = 10_000;

    private readonly TaosServer _server;

    private MetersTable(TaosServer server) => _server = server;

    /// <summary>The row count: <see cref="RowsVariable"/> when set, else <see cref="DefaultRows"/>.</summary>
    public static int Rows => Environment.GetEnvironmentVariable(RowsVariable) is { Length: > 0 } text
        ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
        : DefaultRows;

    /// <summary>The server's <c>host:port</c>.</summary>
    public string Authority => _server.Url.Authority;

    /// <summary>Starts the server on the data directory for <paramref name="rows"/> rows and fills the table unless it is full.</summary>
    public static async Task<MetersTable> OpenAsync(int rows)
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-bench-ws-" + rows.ToString(CultureInfo.InvariantCulture));
        var table = new MetersTable(await TaosServer.StartAsync(new TaosServerOptions { Port = 0, DataDirectory = dir }));
        await using var source = TaosDataSource.Create($"Url=http://{table.Authority};Timeout=600");
        await using var cmd = source.CreateCommand("create database if not exists bench");
        await cmd.ExecuteNonQueryAsync();
        const string Create = "create table if not exists bench.meters (ts timestamp, phase int, seq bigint, voltage double, current float, location varchar(24))";
        cmd.CommandText = Create;
        await cmd.ExecuteNonQueryAsync();
        cmd.CommandText = "select count(*) from bench.meters";
        if ((long)(await cmd.ExecuteScalarAsync())! == rows) return table;
        cmd.CommandText = "drop table if exists bench.meters";
        await cmd.ExecuteNonQueryAsync();
        cmd.CommandText = Create;
        await cmd.ExecuteNonQueryAsync();
        var sql = new StringBuilder();
        for (int start = 0; start < rows; start += Batch)
        {
            sql.Clear().Append("insert into bench.meters values ");
            for (long i = start; i < Math.Min(rows, start + Batch); i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"({1_700_000_000_000L + (i * 10)},{i % 3},{i * 7919},{220 + ((i % 1000) * 0.017)},{10.25f + ((i % 97) * 0.5f)},'California.{i % 1000:D4}')");
            }
            cmd.CommandText = sql.ToString();
            await cmd.ExecuteNonQueryAsync();
        }
        return table;
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
