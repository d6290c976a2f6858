namespace Taos.Schemaless;

/// <summary>The messages of schemaless ingest's exceptions.</summary>
internal static class SchemalessStrings
{
    public const string NoDatabase =
        "Schemaless data is written into the connection's database, and it has none: set Database in the connection string or call ChangeDatabase.";

    public static string OpenTsdbPrecisionOverRest(TaosSchemalessPrecision precision) =>
        $"taosAdapter's OpenTSDB HTTP endpoints take no precision (10-digit timestamps are seconds, 13-digit milliseconds): " +
        $"pass TaosSchemalessPrecision.NotConfigured instead of {precision}, or use the WebSocket protocol.";
}
