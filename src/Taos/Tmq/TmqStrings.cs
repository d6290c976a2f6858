using System.Globalization;

namespace Taos.Tmq;

/// <summary>The TMQ consumer's exception messages.</summary>
internal static class TmqStrings
{
    public const string NoGroup = "A TMQ consumer needs a consumer group: set group.id (TaosConsumerConfig.GroupId).";

    public const string NoTopics = "Subscribe needs at least one topic.";

    public const string MixedSchemas =
        "The message's blocks have different columns (a database topic): read them block by block (TaosConsumeResult.Blocks).";

    public static string UnknownKey(string key) => $"'{key}' is not a TMQ consumer setting.";

    public static string BadValue(string key, string value) => $"'{value}' is not a valid value for '{key}'.";

    public static string Malformed(string action, string detail) => $"The server's answer to '{action}' is not a valid /rest/tmq reply: {detail}";

    public static string CannotMap(string column, string type, string property, string target) =>
        $"Column '{column}' ({type}) cannot be mapped to property '{property}' of type {target}.";

    public static string Reconnected(int attempts, string reason) => string.Create(CultureInfo.InvariantCulture,
        $"The connection to the server was lost and {attempts} reconnect attempt(s) failed: {reason}");
}
