namespace Taos.Server.Engine.Topics;

/// <summary>TDengine's errors around topics, with its codes and texts.</summary>
internal static class TopicErrors
{
    /// <summary>992 (0x03E0) Topic already exists.</summary>
    public static TaosServerException AlreadyExists() => new(992, "Topic already exists");

    /// <summary>993 (0x03E1) Topic not exist.</summary>
    public static TaosServerException NotExist() => new(993, "Topic not exist");

    /// <summary>16392 (0x4008): the vgroup is not one of the consumer's.</summary>
    public static TaosServerException InvalidVgroup() => new(16392, "VgId does not belong to this consumer");

    /// <summary>1000 (0x03E8): DROP CONSUMER GROUP names a group that never subscribed to the topic (TDengine's spelling).</summary>
    public static TaosServerException SubscribeNotExist() => new(1000, "Subcribe not exist");

    /// <summary>1004 (0x03EC): DROP CONSUMER GROUP while a consumer of the group subscribes to the topic.</summary>
    public static TaosServerException GroupUsed() => new(1004, "Consumer group being used by some consumer");

    /// <summary>1003 (0x03EB): DROP TOPIC while a consumer subscribes to the topic.</summary>
    public static TaosServerException Subscribed() => new(1003, "Topic subscribed cannot be dropped");

    /// <summary>1005 (0x03ED): a super table or database a topic reads cannot be dropped.</summary>
    public static TaosServerException MustBeDroppedFirst() => new(1005, "Topic must be dropped first");

    /// <summary>9785 (0x2639): the query of a topic aggregates, windows, orders, joins or limits.</summary>
    public static TaosServerException InvalidQuery() => new(9785, "Invalid topic query");

    /// <summary>866 (0x0362): <c>AS STABLE</c> names no super table.</summary>
    public static TaosServerException StableNotExist() => new(ServerErrorCode.StableNotExist, "STable not exist");

    /// <summary>896 (0x0380): <c>AS DATABASE</c> names no database.</summary>
    public static TaosServerException DatabaseNotAvailable() => new(896, "Database not specified or available");

    /// <summary>9826 (0x2662): the topic's query reads a table or database that does not exist.</summary>
    public static TaosServerException TableInfo(TaosServerException cause) =>
        new(ServerErrorCode.TableInfoFailure, "Fail to get table info, error: " + cause.Message);
}
