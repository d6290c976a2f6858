using System.Globalization;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// <c>information_schema.ins_configs</c> (SHOW VARIABLES: the cluster's configuration) and
/// <c>ins_dnode_variables</c> (SHOW DNODE n VARIABLES: each dnode's) with TDengine 3.3.0's columns (name VARCHAR 32,
/// value VARCHAR 64, scope VARCHAR 8: TSDB_CONFIG_OPTION_LEN, _VALUE_LEN, _SCOPE_LEN), listing only the settings the
/// embedded server truly has, under TDengine's names: its endpoint, time zone, locale and character set and the
/// dnode's vnode capacity. SHOW LOCAL VARIABLES, which TDengine's client answers from its own configuration, lists
/// the settings a client shares with the server (scope <c>both</c>) with the same columns but <c>dnode_id</c>. Items
/// changed at runtime (ALTER DNODE, ALTER LOCAL: <see cref="Admin.RuntimeConfig"/>) are listed with their new values.
/// </summary>
internal static class ConfigSystemTables
{
    /// <summary>The columns of ins_configs.</summary>
    public static IReadOnlyList<ResultColumn> ConfigColumns { get; } =
    [
        new("name", TaosDataType.VarChar, 32), new("value", TaosDataType.VarChar, 64),
    ];

    /// <summary>The columns of ins_dnode_variables.</summary>
    public static IReadOnlyList<ResultColumn> DnodeVariableColumns { get; } =
    [
        new("dnode_id", TaosDataType.Int, 4), new("name", TaosDataType.VarChar, 32), new("value", TaosDataType.VarChar, 64),
        new("scope", TaosDataType.VarChar, 8),
    ];

    /// <summary>SHOW LOCAL VARIABLES: the client side's settings (name, value, scope).</summary>
    public static RowSetResult LocalVariables(TimeZoneInfo zone, IReadOnlyDictionary<string, string>? changed = null) =>
        new(DnodeVariableColumns.Skip(1).ToList(),
            WithChanges(Settings(zone).Where(s => s.Scope == "both"), changed).Select(s => new object?[] { s.Name, s.Value, s.Scope }).ToList(),
            TaosPrecision.Milliseconds);

    /// <summary>The cluster-wide settings, by name.</summary>
    public static IReadOnlyList<object?[]> ConfigRows(TimeZoneInfo zone) =>
        Settings(zone).Select(s => new object?[] { s.Name, s.Value }).ToList();

    /// <summary>The one dnode's settings, by name.</summary>
    public static IReadOnlyList<object?[]> DnodeVariableRows(TimeZoneInfo zone, IReadOnlyDictionary<string, string>? changed = null) =>
        WithChanges(Settings(zone), changed).Select(s => new object?[] { NodeSystemTables.DnodeId, s.Name, s.Value, s.Scope }).ToList();

    /// <summary><paramref name="settings"/> plus the items changed at runtime, by name as TDengine orders them.</summary>
    private static IEnumerable<(string Name, string Value, string Scope)> WithChanges(IEnumerable<(string Name, string Value, string Scope)> settings,
        IReadOnlyDictionary<string, string>? changed)
    {
        if (changed is null || changed.Count == 0) return settings;
        var items = settings.Where(s => !changed.ContainsKey(s.Name)).ToList();
        items.AddRange(changed.Select(c => (c.Key, c.Value, Admin.DynamicConfigItem.All[c.Key].Scope)));
        return items.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>TDengine's form of a time zone: <c>name (abbreviation, ±hhmm)</c>, the abbreviation being the offset's.</summary>
    public static string TimezoneText(TimeZoneInfo zone)
    {
        TimeSpan offset = zone.GetUtcOffset(DateTimeOffset.UtcNow);
        string sign = offset < TimeSpan.Zero ? "-" : "+";
        TimeSpan abs = offset.Duration();
        string abbreviation = offset == TimeSpan.Zero ? "UTC" : sign + abs.ToString(abs.Minutes == 0 ? "hh" : "hhmm", CultureInfo.InvariantCulture);
        return $"{zone.Id} ({abbreviation}, {sign}{abs.ToString("hhmm", CultureInfo.InvariantCulture)})";
    }

    private static IEnumerable<(string Name, string Value, string Scope)> Settings(TimeZoneInfo zone)
    {
        string culture = CultureInfo.CurrentCulture.Name;
        yield return ("charset", "UTF-8", "both");
        yield return ("firstEp", NodeSystemTables.Endpoint, "both");
        yield return ("fqdn", NodeSystemTables.Fqdn, "server");
        yield return ("locale", culture.Length == 0 ? "C.UTF-8" : culture.Replace('-', '_') + ".UTF-8", "both");
        yield return ("serverPort", NodeSystemTables.ServerPort.ToString(CultureInfo.InvariantCulture), "both");
        yield return ("supportVnodes", NodeSystemTables.SupportVnodes.ToString(CultureInfo.InvariantCulture), "server");
        yield return ("timezone", TimezoneText(zone), "both");
    }
}
