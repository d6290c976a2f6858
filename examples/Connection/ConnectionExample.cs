using System.Globalization;

namespace Taos.Examples;

/// <summary>Connect, create the smart-meter schema, insert rows for d1001..d1004 and query them.</summary>
public static class ConnectionExample
{
    /// <summary>Runs the example and writes what it does to <paramref name="output"/>.</summary>
    public static async Task RunAsync(string connectionString, TextWriter output)
    {
        await using var connection = new TaosConnection(connectionString);
        await connection.OpenAsync();
        output.WriteLine($"Connected to {connection.DataSource} (TDengine {connection.ServerVersion})");

        await using var command = connection.CreateCommand();
        // Start from an empty database, so that the counts below are this run's.
        command.CommandText = "DROP DATABASE IF EXISTS power";
        await command.ExecuteNonQueryAsync();
        foreach (var sql in SmartMeters.Setup) // CREATE DATABASE power; CREATE STABLE power.meters (…) TAGS (…)
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        command.CommandText = SmartMeters.Insert;
        int inserted = await command.ExecuteNonQueryAsync();
        output.WriteLine($"Inserted {inserted} rows into d1001..d1004");

        command.CommandText = "SELECT tbname, ts, current, voltage, phase, groupid, location FROM power.meters ORDER BY ts, tbname";
        await using var reader = await command.ExecuteReaderAsync();
        output.WriteLine("tbname  ts                       current voltage phase groupid location");
        while (await reader.ReadAsync())
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-7} {1:yyyy-MM-dd HH:mm:ss.fff}  {2,7} {3,7} {4,5} {5,7} {6}",
                reader.GetString(0), reader.GetDateTime(1), reader.GetFloat(2), reader.GetInt32(3), reader.GetFloat(4),
                reader.GetInt32(5), reader.GetString(6)));
        }
        output.WriteLine($"{reader.RowsRead} rows");
    }
}
