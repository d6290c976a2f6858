namespace Taos.Examples;

/// <summary>A failing statement surfaces as <see cref="TaosException"/> with TDengine's error code and message.</summary>
public static class ExceptionHandlingExample
{
    /// <summary>Runs the example and writes what it does to <paramref name="output"/>.</summary>
    public static async Task RunAsync(string connectionString, TextWriter output)
    {
        await using var connection = new TaosConnection(connectionString);
        await connection.OpenAsync();
        await SmartMeters.CreateAsync(connection);
        await using var command = connection.CreateCommand();

        foreach (var sql in new[] { "SELECT * FROM power.no_such_table", "SELEC * FROM power.meters" })
        {
            command.CommandText = sql;
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (TaosException e)
            {
                output.WriteLine($"TaosException: code {e.ErrorCode} (0x{e.ErrorCode:X4}), desc \"{e.Description}\"");
                output.WriteLine($"  sql: {e.Sql}, req_id: {e.RequestId}");
                if (e.ErrorCode == TaosErrorCode.TableInfoFailure)
                {
                    output.WriteLine("  -> the table (or its database) does not exist");
                }
            }
        }
    }
}
