namespace Taos.Schemaless;

/// <summary>The messages of schemaless ingest's exceptions.</summary>
internal static class SchemalessStrings
{
    public const string NoDatabase =
        "Schemaless data is written into the connection's database, and it has none: set Database in the connection string or call ChangeDatabase.";

    public const string NoFields = "A point needs at least one field: TDengine's line protocol has no line without fields.";

    public const string WriterDisposed = "The point writer is disposed (or being disposed) and takes no more points.";

    public static string OpenTsdbPrecisionOverRest(TaosSchemalessPrecision precision) =>
        $"taosAdapter's OpenTSDB HTTP endpoints take no precision (10-digit timestamps are seconds, 13-digit milliseconds): " +
        $"pass TaosSchemalessPrecision.NotConfigured instead of {precision}, or use the WebSocket protocol.";

    public static string CommentMeasurement(string name) => $"The measurement '{name}' starts with '#', which makes its line a comment.";

    public static string Newline(string text) => $"'{text}' holds a newline, which ends a line of the line protocol.";

    public static string TrailingBackslash(string text) =>
        $"'{text}' ends with a backslash, which the line protocol would read as escaping the separator after it.";

    public static string NotFinite(string key) => $"Field '{key}' is NaN or infinite, which TDengine cannot store.";

    public static string BatchFailed(int points, string reason) => $"A batch of {points} points was not written: {reason}";

    public static string NoMappedFields(Type type) =>
        $"{type} has no readable public property marked [TaosField]: a point needs at least one field.";

    public static string UnsupportedProperty(Type type, string property, Type propertyType, string role) =>
        $"{type}.{property} is a {role} of type {propertyType}, which the point writer cannot write; " +
        "use a number, bool, string, byte[] (fields), DateTime, DateTimeOffset, TaosTimestamp or long (timestamp).";
}
