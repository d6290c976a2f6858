using System.Globalization;

namespace Taos.Examples;

/// <summary>
/// The counterpart of taospy's cursor example: execute statements, read the row count (PEP 249 <c>rowcount</c>),
/// the column description (<c>description</c>) and fetch the rows.
/// </summary>
public static class CursorExample
{
    /// <summary>Runs the example and writes what it does to <paramref name="output"/>.</summary>
    public static async Task RunAsync(string connectionString, TextWriter output)
    {
        await using var connection = new TaosConnection(connectionString);
        await connection.OpenAsync();
        await SmartMeters.CreateAsync(connection);

        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO power.d1001 VALUES ('2018-10-03 14:38:20.000', 10.1, 220, 0.30) ('2018-10-03 14:38:25.000', 10.2, 221, 0.31)";
        int rowcount = await command.ExecuteNonQueryAsync();
        output.WriteLine($"rowcount: {rowcount}");

        command.CommandText = "SELECT ts, current, location FROM power.meters WHERE voltage >= @minVoltage ORDER BY ts, tbname LIMIT @limit";
        command.Parameters.AddWithValue("minVoltage", 220);
        command.Parameters.AddWithValue("limit", 3);
        await using var reader = await command.ExecuteReaderAsync();

        output.WriteLine("description:");
        foreach (TaosDbColumn column in reader.GetColumnSchema().Cast<TaosDbColumn>())
        {
            output.WriteLine($"  ({column.ColumnName}, {column.DataTypeName}, {column.Length}, {column.DataType?.Name})");
        }
        output.WriteLine("rows:");
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            output.WriteLine("  (" + string.Join(", ", values.Select(v => Convert.ToString(v is DateTime d ? d.ToString("O", CultureInfo.InvariantCulture) : v, CultureInfo.InvariantCulture))) + ")");
        }
        output.WriteLine($"fetched {reader.RowsRead} rows");
    }
}
