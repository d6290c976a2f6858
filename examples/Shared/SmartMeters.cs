namespace Taos.Examples;

/// <summary>The smart-meter data set of TDengine's documentation: database <c>power</c>, super table <c>meters</c>.</summary>
internal static class SmartMeters
{
    /// <summary>Creates <c>power.meters</c> and its four child tables d1001..d1004 (idempotent).</summary>
    public static readonly string[] Setup =
    [
        "CREATE DATABASE IF NOT EXISTS power",
        "CREATE STABLE IF NOT EXISTS power.meters (ts TIMESTAMP, current FLOAT, voltage INT, phase FLOAT) TAGS (groupid INT, location BINARY(24))",
    ];

    /// <summary>Eight rows in d1001..d1004, created on the fly from <c>meters</c>.</summary>
    public const string Insert =
        "INSERT INTO " +
        "power.d1001 USING power.meters TAGS (2, 'California.SanFrancisco') VALUES ('2018-10-03 14:38:05.000', 10.3, 219, 0.31) ('2018-10-03 14:38:15.000', 12.6, 218, 0.33) ('2018-10-03 14:38:16.800', 12.3, 221, 0.31) " +
        "power.d1002 USING power.meters TAGS (3, 'California.SanFrancisco') VALUES ('2018-10-03 14:38:16.650', 10.3, 218, 0.25) " +
        "power.d1003 USING power.meters TAGS (2, 'California.LosAngeles') VALUES ('2018-10-03 14:38:05.500', 11.8, 221, 0.28) ('2018-10-03 14:38:16.600', 13.4, 223, 0.29) " +
        "power.d1004 USING power.meters TAGS (3, 'California.LosAngeles') VALUES ('2018-10-03 14:38:05.500', 10.8, 223, 0.29) ('2018-10-03 14:38:06.500', 11.5, 221, 0.35)";

    /// <summary>Creates the schema and inserts the rows.</summary>
    public static async Task CreateAsync(TaosConnection connection)
    {
        await using var cmd = connection.CreateCommand();
        foreach (var sql in Setup)
        {
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
        cmd.CommandText = Insert;
        await cmd.ExecuteNonQueryAsync();
    }
}
