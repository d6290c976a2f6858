using Taos.Server.Engine;
using Taos.Server.Engine.SystemTables;

namespace Taos.Server.Tests.Engine.SystemTables;

/// <summary>ins_configs (SHOW VARIABLES) and ins_dnode_variables: the settings the server has, under TDengine's names.</summary>
public class ConfigSystemTablesTests : EngineTestBase
{
    private RowSetResult Run(string sql) => Assert.IsType<RowSetResult>(Exec(sql));

    [Fact]
    public void Show_variables_lists_the_servers_settings_by_name()
    {
        var r = Run("show variables");
        Assert.Equal([new ResultColumn("name", TaosDataType.VarChar, 32), new("value", TaosDataType.VarChar, 64)], r.Columns);
        var settings = r.Rows.ToDictionary(x => (string)x[0]!, x => (string)x[1]!);
        Assert.Equal(["charset", "firstEp", "fqdn", "locale", "serverPort", "supportVnodes", "timezone"], settings.Keys);
        Assert.Equal("UTC (UTC, +0000)", settings["timezone"]);
        Assert.Equal(System.Net.Dns.GetHostName() + ":6030", settings["firstEp"]);
        Assert.Equal("6030", settings["serverPort"]);
        Assert.Equal("UTF-8", settings["charset"]);
    }

    [Fact]
    public void Dnode_variables_are_the_same_settings_of_dnode_1_with_their_scope()
    {
        var r = Run("select * from information_schema.ins_dnode_variables");
        Assert.Equal(
        [
            new ResultColumn("dnode_id", TaosDataType.Int, 4), new("name", TaosDataType.VarChar, 32), new("value", TaosDataType.VarChar, 64),
            new("scope", TaosDataType.VarChar, 8),
        ], r.Columns);
        Assert.Equal(Run("show variables").Rows.Select(x => x[0]), r.Rows.Select(x => x[1]));
        Assert.All(r.Rows, x => Assert.Equal(1, x[0]));
        Assert.Contains(r.Rows, x => (string)x[1]! == "fqdn" && (string)x[3]! == "server");
    }

    [Fact]
    public void Show_dnode_variables_is_that_dnodes_settings_filtered_by_like()
    {
        var all = Run("show dnode 1 variables");
        Assert.Equal(Run("select * from information_schema.ins_dnode_variables").Rows, all.Rows);
        var like = Run("show dnode 1 variables like 'f%'");
        Assert.Equal(["firstEp", "fqdn"], like.Rows.Select(x => x[1]));
        Assert.Empty(Run("show dnode 2 variables").Rows);
    }

    [Fact]
    public void Show_local_variables_lists_the_settings_a_client_shares()
    {
        var r = Run("show local variables");
        Assert.Equal([new ResultColumn("name", TaosDataType.VarChar, 32), new("value", TaosDataType.VarChar, 64), new("scope", TaosDataType.VarChar, 8)],
            r.Columns);
        Assert.Equal(["charset", "firstEp", "locale", "serverPort", "timezone"], r.Rows.Select(x => x[0]));
        Assert.All(r.Rows, x => Assert.Equal("both", x[2]));
    }

    [Theory]
    [InlineData(8, 0, "Asia/Test (+08, +0800)")]
    [InlineData(-3, -30, "America/Test (-0330, -0330)")]
    [InlineData(0, 0, "Europe/Test (UTC, +0000)")]
    public void Timezone_is_shown_with_its_offset(int hours, int minutes, string expected)
    {
        string id = expected[..expected.IndexOf(' ', StringComparison.Ordinal)];
        var zone = TimeZoneInfo.CreateCustomTimeZone(id, new TimeSpan(hours, minutes, 0), id, id);
        Assert.Equal(expected, ConfigSystemTables.TimezoneText(zone));
    }
}
