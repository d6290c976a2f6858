using System.Net;
using Taos.Server.Engine.Users;

namespace Taos.Server.Tests.Engine.Users;

public class IpRangeTests
{
    [Theory]
    [InlineData("10.1.0.0/16", "10.1.255.3", true)]
    [InlineData("10.1.0.0/16", "10.2.0.1", false)]
    [InlineData("192.168.1.5/32", "192.168.1.5", true)]
    [InlineData("192.168.1.5/32", "192.168.1.6", false)]
    [InlineData("192.168.1.200/25", "192.168.1.129", true)]
    [InlineData("192.168.1.200/25", "192.168.1.127", false)]
    [InlineData("1.2.3.4/0", "200.1.1.1", true)]
    [InlineData("10.1.0.0/16", "::ffff:10.1.0.9", true)]
    [InlineData("10.1.0.0/16", "::1", false)]
    public void A_range_contains_the_addresses_of_its_prefix(string range, string client, bool expected) =>
        Assert.Equal(expected, IpRange.Parse(range).Contains(IPAddress.Parse(client)));

    [Fact]
    public void The_defaults_are_both_loopbacks_and_render_as_ins_users_shows_them()
    {
        Assert.Equal("127.0.0.1/32, ::1/128", string.Join(", ", IpRange.Defaults));
        Assert.True(IpRange.Defaults[1].Contains(IPAddress.IPv6Loopback));
        Assert.Equal(IpRange.Defaults[1], IpRange.FromStored("::1/128"));
        Assert.Equal(IpRange.Parse("10.0.0.0/8"), IpRange.FromStored("10.0.0.0/8"));
    }
}
