namespace Taos.Server.Engine.Users;

/// <summary>
/// The mnode's rules for a user's IP white list (mndUser.c of TDengine 3.3.0.1): what CREATE USER … HOST stores,
/// and what ALTER USER … ADD HOST and DROP HOST make of a list, with their errors.
/// </summary>
internal static class WhiteList
{
    /// <summary>
    /// CREATE USER: without HOST the defaults; with HOST the items given, duplicates once, plus the defaults
    /// (TDengine always adds loopback); 860 past <see cref="IpRange.MaxEntries"/>.
    /// </summary>
    public static IReadOnlyList<IpRange> ForNewUser(IReadOnlyList<IpRange> given)
    {
        if (given.Count == 0)
        {
            return IpRange.Defaults;
        }
        var list = IpRange.Defaults.Concat(given).Distinct().ToList();
        return list.Count > IpRange.MaxEntries ? throw UserErrors.TooManyHosts() : list;
    }

    /// <summary>ADD HOST: the items appended; 858 when any is already in the list, 860 past the limit.</summary>
    public static IReadOnlyList<IpRange> Add(IReadOnlyList<IpRange> list, IReadOnlyList<IpRange> added)
    {
        if (added.Any(list.Contains))
        {
            throw UserErrors.HostExists();
        }
        var result = list.Concat(added).ToList();
        return result.Count > IpRange.MaxEntries ? throw UserErrors.TooManyHosts() : result;
    }

    /// <summary>
    /// DROP HOST: the entries named removed; 861 when 127.0.0.1 is among the items, 859 when none of them is in
    /// the list (items missing next to present ones are passed over, as the mnode does).
    /// </summary>
    public static IReadOnlyList<IpRange> Drop(IReadOnlyList<IpRange> list, IReadOnlyList<IpRange> dropped)
    {
        if (dropped.Contains(IpRange.Loopback))
        {
            throw UserErrors.LocalHostNotDrop();
        }
        var result = list.Where(h => !dropped.Contains(h)).ToList();
        return result.Count == list.Count ? throw UserErrors.HostNotExist() : result;
    }
}
