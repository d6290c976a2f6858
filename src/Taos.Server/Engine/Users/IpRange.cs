using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Taos.Server.Engine.Users;

/// <summary>
/// One entry of a user's IP white list: an address and a prefix length (<c>10.0.0.0/8</c>, <c>192.168.1.5/32</c>).
/// The address is kept as given (TDengine does not clear the host bits); a client matches when its first
/// <see cref="Prefix"/> bits equal the entry's.
/// </summary>
internal sealed record IpRange(IPAddress Address, int Prefix)
{
    /// <summary>TDengine's limit on a white list: TSDB_PRIVILEDGE_HOST_LEN / 24 entries (MND_MAX_USE_HOST).</summary>
    public const int MaxEntries = 48 * 1024 / 24;

    /// <summary>IPv4 loopback, in every list; nobody may drop it.</summary>
    public static IpRange Loopback { get; } = new(IPAddress.Loopback, 32);

    /// <summary>What a new user gets: the IPv4 and IPv6 loopback.</summary>
    public static IReadOnlyList<IpRange> Defaults { get; } = [Loopback, new IpRange(IPAddress.IPv6Loopback, 128)];

    /// <summary>
    /// Reads a white list item as TDengine's parser does (getIpV4RangeFromWhitelistItem): a dotted IPv4 address
    /// (inet_pton: four decimal parts of 0-255, no leading zeros), optionally <c>/prefix</c> read with atoi (so
    /// <c>/x</c> is 0) and between 0 and 32; anything else is 9835 Invalid IP range.
    /// </summary>
    public static IpRange Parse(string item)
    {
        int slash = item.IndexOf('/', StringComparison.Ordinal);
        string ip = slash < 0 ? item : item[..slash];
        int prefix = slash < 0 ? 32 : Atoi(item.AsSpan(slash + 1));
        if (!TryParseIPv4(ip, out var address) || prefix is < 0 or > 32)
        {
            throw UserErrors.InvalidIpRange(item);
        }
        return new IpRange(address, prefix);
    }

    /// <summary>Reads a stored entry (<see cref="ToString"/>'s form, IPv6 included).</summary>
    public static IpRange FromStored(string text)
    {
        int slash = text.LastIndexOf('/');
        return new IpRange(IPAddress.Parse(text[..slash]), int.Parse(text.AsSpan(slash + 1), CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="client"/> (IPv4-mapped IPv6 read as IPv4) lies in this range.</summary>
    public bool Contains(IPAddress client)
    {
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        if (address.AddressFamily != Address.AddressFamily)
        {
            return false;
        }
        byte[] a = address.GetAddressBytes();
        byte[] b = Address.GetAddressBytes();
        int full = Prefix / 8;
        if (!a.AsSpan(0, full).SequenceEqual(b.AsSpan(0, full)))
        {
            return false;
        }
        int rest = Prefix % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (a[full] & mask) == (b[full] & mask);
    }

    /// <summary><c>address/prefix</c>, as ins_users shows each entry.</summary>
    public override string ToString() => Address + "/" + Prefix.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseIPv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        string[] parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        var bytes = new byte[4];
        for (int i = 0; i < 4; i++)
        {
            string p = parts[i];
            if (p.Length is 0 or > 3 || (p.Length > 1 && p[0] == '0') || !p.All(char.IsAsciiDigit)
                || !byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return false;
            }
        }
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>C's atoi: leading blanks, a sign, digits; 0 when there are none (saturated far past the limit).</summary>
    private static int Atoi(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        bool negative = i < s.Length && s[i] == '-';
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
        long value = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            value = Math.Min(value * 10 + (s[i] - '0'), int.MaxValue);
        }
        return (int)(negative ? -value : value);
    }
}
