using System.Globalization;

namespace Taos.Examples;

/// <summary>The thin REST wrapper: send SQL, print the whole answer.</summary>
public static class RestClientExample
{
    /// <summary>Runs the example and writes what it does to <paramref name="output"/>.</summary>
    /// <param name="url">The REST endpoint.</param>
    /// <param name="token">A TDengine Cloud token, or null for root/taosdata.</param>
    /// <param name="output">Where to print.</param>
    public static async Task RunAsync(string url, string? token, TextWriter output)
    {
        using var client = token is null ? new RestClient(url, "root", "taosdata") : new RestClient(url, token: token);
        foreach (var sql in SmartMeters.Setup)
        {
            await client.SqlAsync(sql);
        }
        var insert = await client.SqlAsync(SmartMeters.Insert);
        output.WriteLine($"affected rows: {insert.AffectedRows}");

        var result = await client.SqlAsync("SELECT ts, current, voltage, location FROM power.meters WHERE location = 'California.LosAngeles' ORDER BY ts, tbname", reqId: 1001);
        output.WriteLine("column_meta: " + string.Join(", ", result.ColumnMeta.Select(c => $"[{c.ColumnName}, {c.DataTypeName}, {c.Length}]")));
        foreach (var row in result.Data)
        {
            output.WriteLine("[" + string.Join(", ", row.Select(v => v is DateTime d ? d.ToString("O", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null")) + "]");
        }
        output.WriteLine($"rows: {result.Rows}");
    }
}
