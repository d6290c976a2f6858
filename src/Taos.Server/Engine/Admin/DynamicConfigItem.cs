namespace Taos.Server.Engine.Admin;

/// <summary>Where a configuration item may be changed at runtime (tglobal.c's CFG_DYN_*).</summary>
[Flags]
internal enum ConfigSide { Server = 1, Client = 2, Both = Server | Client }

/// <summary>
/// One configuration item TDengine 3.3 lets ALTER DNODE / ALTER LOCAL change at runtime (tglobal.c): its name as
/// TDengine spells it, the integer range its value must fall in (a boolean is 0..1), the scope SHOW … VARIABLES
/// lists, and on which side it may change.
/// </summary>
internal sealed record DynamicConfigItem(string Name, long Min, long Max, string Scope, ConfigSide Dynamic)
{
    private const long IntMax = int.MaxValue;

    /// <summary>The items, by name (TDengine matches names without regard to case).</summary>
    public static IReadOnlyDictionary<string, DynamicConfigItem> All { get; } = Build().ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> is one of TDengine's debug-flag items (values 0..255, bits per level).</summary>
    public static bool IsDebugFlag(string name) => name.EndsWith("DebugFlag", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<DynamicConfigItem> Build()
    {
        foreach (string flag in new[] { "debugFlag", "uDebugFlag", "rpcDebugFlag", "qDebugFlag", "tmrDebugFlag" })
            yield return new(flag, 0, 255, "both", ConfigSide.Both);
        foreach (string flag in new[] { "cDebugFlag", "jniDebugFlag", "simDebugFlag" })
            yield return new(flag, 0, 255, "client", ConfigSide.Client);
        foreach (string flag in new[]
        {
            "dDebugFlag", "vDebugFlag", "mDebugFlag", "wDebugFlag", "sDebugFlag", "tsdbDebugFlag", "tqDebugFlag", "fsDebugFlag",
            "udfDebugFlag", "smaDebugFlag", "idxDebugFlag", "tdbDebugFlag", "metaDebugFlag", "stDebugFlag", "sndDebugFlag",
        })
            yield return new(flag, 0, 255, "server", ConfigSide.Server);
        yield return new("asyncLog", 0, 1, "both", ConfigSide.Both);
        yield return new("numOfLogLines", 1000, 2000000000, "both", ConfigSide.Both);
        yield return new("logKeepDays", -365000, 365000, "both", ConfigSide.Both);
        yield return new("enableCoreFile", 0, 1, "both", ConfigSide.Both);
        yield return new("keepColumnName", 0, 1, "client", ConfigSide.Client);
        yield return new("queryPolicy", 1, 4, "client", ConfigSide.Client);
        yield return new("querySmaOptimize", 0, 1, "client", ConfigSide.Client);
        yield return new("minSlidingTime", 1, 1000000, "client", ConfigSide.Client);
        yield return new("minIntervalTime", 1, 1000000, "client", ConfigSide.Client);
        yield return new("maxInsertBatchRows", 1, IntMax, "client", ConfigSide.Client);
        yield return new("monitor", 0, 1, "server", ConfigSide.Server);
        yield return new("monitorInterval", 1, 200000, "server", ConfigSide.Server);
        yield return new("audit", 0, 1, "server", ConfigSide.Server);
        yield return new("supportVnodes", 0, 4096, "server", ConfigSide.Server);
        yield return new("ttlPushInterval", 1, 100000, "server", ConfigSide.Server);
        yield return new("ttlBatchDropNum", 0, IntMax, "server", ConfigSide.Server);
        yield return new("tmqMaxTopicNum", 1, 10000, "server", ConfigSide.Server);
        yield return new("timeseriesThreshold", 0, 2000, "server", ConfigSide.Server);
        yield return new("queryRspPolicy", 0, 1, "server", ConfigSide.Server);
        yield return new("mndSdbWriteDelta", 20, 10000, "server", ConfigSide.Server);
        yield return new("mndLogRetention", 500, 10000, "server", ConfigSide.Server);
        yield return new("enableWhiteList", 0, 1, "server", ConfigSide.Server);
    }
}
