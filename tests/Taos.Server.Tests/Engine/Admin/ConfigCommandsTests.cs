using Microsoft.Extensions.Logging;
using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>ALTER DNODE / ALL DNODES / LOCAL: TDengine's runtime items, checked as TDengine checks them, shown where it shows them.</summary>
public class ConfigCommandsTests : EngineTestBase
{
    private List<object?[]> DnodeVariable(string name) => Rows($"show dnode 1 variables like '{name}'");

    [Fact]
    public void Alter_dnode_changes_the_dnode_variable_and_the_log_level_until_a_restart()
    {
        Assert.Null(Engine.Admin.Config.LogLevel);
        Assert.Equal(0, Affected("alter dnode 1 'debugFlag' '135'"));
        Assert.Equal([1, "debugFlag", "135", "both"], Assert.Single(DnodeVariable("debugFlag")));
        Assert.Equal(LogLevel.Debug, Engine.Admin.Config.LogLevel);
        Assert.Equal(0, Affected("alter all dnodes 'debugFlag 143'"));
        Assert.Equal(LogLevel.Trace, Engine.Admin.Config.LogLevel);
        Assert.Equal(0, Affected("alter all dnodes 'MONITOR' '1'"));
        Assert.Equal([1, "monitor", "1", "server"], Assert.Single(DnodeVariable("monitor")));
        Assert.Equal(0, Affected("alter dnode 0 'monitor' '0'"));
        Assert.Equal([1, "monitor", "0", "server"], Assert.Single(DnodeVariable("monitor")));
        Assert.Equal(0, Affected("alter dnode 1 'resetlog'"));
        Reopen();
        Assert.Empty(DnodeVariable("debugFlag"));
        Assert.Null(Engine.Admin.Config.LogLevel);
    }

    [Fact]
    public void Alter_dnode_refuses_unknown_items_missing_values_and_values_out_of_range()
    {
        Fails("alter dnode 1 'nosuchItem' '1'", 0x0119, "Invalid config option");
        Fails("alter dnode 1 'debugFlag'", 0x0119, "Invalid config option");
        Fails("alter dnode 1 'debugFlag 131' '135'", 0x0119, "Invalid config option");
        Fails("alter dnode 1 'keepColumnName' '1'", 0x0119, "Invalid config option");
        Fails("alter dnode 1 'debugFlag' '256'", 0x0112, "Out of range");
        Fails("alter dnode 1 'monitor' '2'", 0x0112, "Out of range");
        Fails("alter dnode 9 'debugFlag' '135'", 0x0331, "Dnode does not exist");
        Exec("create dnode 'far-away.example:6030'");
        Assert.Equal(0, Affected("alter dnode 2 'debugFlag' '135'"));
        Fails("alter dnode 2 'nosuchItem' '1'", 0x0119, "Invalid config option");
        Assert.Empty(DnodeVariable("debugFlag"));
    }

    [Fact]
    public void Alter_local_changes_the_client_side_variables()
    {
        Assert.Equal(0, Affected("alter local 'keepColumnName' '1'"));
        Assert.Equal(0, Affected("alter local 'querypolicy 2'"));
        var rows = Assert.IsType<RowSetResult>(Exec("show local variables")).Rows.ToList();
        Assert.Contains(rows, r => r.SequenceEqual(new object?[] { "keepColumnName", "1", "client" }));
        Assert.Contains(rows, r => r.SequenceEqual(new object?[] { "queryPolicy", "2", "client" }));
        Assert.Equal(rows.Select(r => (string)r[0]!).Order(StringComparer.OrdinalIgnoreCase), rows.Select(r => (string)r[0]!));
        Fails("alter local 'monitor' '1'", 0x0119, "Invalid config option");
        Fails("alter local 'queryPolicy' '5'", 0x0112, "Out of range");
        Assert.Equal(0, Affected("alter local 'resetlog'"));
    }

    [Fact]
    public void Encryption_keys_are_checked_for_length_and_the_community_edition_stores_none()
    {
        Assert.Equal(0, Affected("create encrypt_key 'abcdefgh'"));
        Assert.Equal(0, Affected("alter dnode 1 'encrypt_key' '0123456789abcdef'"));
        Fails("create encrypt_key 'abc'", 0x0422, "Invalid encryption key length: 3, valid range [8,16]");
        Fails("alter dnode 1 'ENCRYPT_KEY' '0123456789abcdefg'", 0x0422, "Invalid encryption key length: 17, valid range [8,16]");
        Assert.Empty(Rows("show encryptions"));
    }

    [Theory]
    [InlineData("alter cluster 'debugFlag' '131'")]
    [InlineData("alter cluster 'activeCode'")]
    public void Alter_cluster_is_not_supported_by_the_community_edition(string sql)
    {
        Fails(sql, 0x0100, "Operation not supported");
    }
}
