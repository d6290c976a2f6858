using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// The configuration changed at runtime by ALTER DNODE / ALTER ALL DNODES (the dnode's, shown by SHOW DNODE 1
/// VARIABLES) and ALTER LOCAL (the client side's, shown by SHOW LOCAL VARIABLES), checked as TDengine 3.3 checks them
/// (mndMCfg2DCfg, cfgCheckRangeForDynUpdate): the item must exist and be dynamic on that side (else 281 Invalid config
/// option) and its value must fall in the item's range (else 274 Out of range). As in TDengine 3.3.0, changes last
/// until the server restarts. The dnode's debug flags set the server's log level (<see cref="LogLevel"/>).
/// </summary>
internal sealed class RuntimeConfig
{
    private readonly ConcurrentDictionary<string, string> _dnode = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _local = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The log level the dnode's <c>debugFlag</c> asks for (TDengine's bits: 1 error, 2 warning and info, 4 debug,
    /// 8 trace), or null while nobody changed it (the server's own option applies).
    /// </summary>
    public LogLevel? LogLevel { get; private set; }

    /// <summary>The dnode's changed items: name (as TDengine spells it) to value.</summary>
    public IReadOnlyDictionary<string, string> Dnode => _dnode;

    /// <summary>The client side's changed items: name to value.</summary>
    public IReadOnlyDictionary<string, string> Local => _local;

    /// <summary>
    /// ALTER DNODE: <paramref name="config"/> is <c>key</c> with <paramref name="value"/>, or <c>key value</c> in one
    /// string with no <paramref name="value"/>; <c>resetlog</c> alone is accepted and changes nothing.
    /// </summary>
    public void AlterDnode(string config, string? value)
    {
        if (Parse(config, value, ConfigSide.Server) is not (var item, var text)) return;
        _dnode[item.Name] = text;
        if (item.Name is "debugFlag")
        {
            LogLevel = ToLogLevel(int.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>ALTER LOCAL, with the same forms as <see cref="AlterDnode"/>.</summary>
    public void AlterLocal(string config, string? value)
    {
        if (Parse(config, value, ConfigSide.Client) is not (var item, var text)) return;
        _local[item.Name] = text;
    }

    /// <summary>
    /// The item <paramref name="config"/> (and <paramref name="value"/>) changes on <paramref name="side"/> and its
    /// value as TDengine stores it (the integer it reads); null for <c>resetlog</c>, which changes no item; TDengine's
    /// refusal when the item or value is not acceptable.
    /// </summary>
    public static (DynamicConfigItem Item, string Value)? Parse(string config, string? value, ConfigSide side)
    {
        config = config.Trim();
        if (value is null && config.Equals("resetlog", StringComparison.OrdinalIgnoreCase)) return null;
        int space = config.IndexOf(' ', StringComparison.Ordinal);
        string key = space < 0 ? config : config[..space];
        string? given = space < 0 ? value?.Trim() : value is null or "" ? config[(space + 1)..].Trim() : null;
        if (string.IsNullOrEmpty(given) || !DynamicConfigItem.All.TryGetValue(key, out var item) || (item.Dynamic & side) == 0)
        {
            throw AdminErrors.InvalidConfig();
        }
        long number = LeadingInteger(given);
        if (number < item.Min || number > item.Max)
        {
            throw AdminErrors.OutOfRange();
        }
        return (item, number.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>C's atoi: the optionally signed digits the text starts with, 0 when there are none.</summary>
    private static long LeadingInteger(string text)
    {
        int i = text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        int end = i;
        while (end < text.Length && end - i < 18 && char.IsAsciiDigit(text[end])) end++;
        return end == i ? 0 : long.Parse(text[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private static LogLevel ToLogLevel(int flag) =>
        (flag & 8) != 0 ? Microsoft.Extensions.Logging.LogLevel.Trace
        : (flag & 4) != 0 ? Microsoft.Extensions.Logging.LogLevel.Debug
        : (flag & 2) != 0 ? Microsoft.Extensions.Logging.LogLevel.Information
        : (flag & 1) != 0 ? Microsoft.Extensions.Logging.LogLevel.Error
        : Microsoft.Extensions.Logging.LogLevel.None;
}
