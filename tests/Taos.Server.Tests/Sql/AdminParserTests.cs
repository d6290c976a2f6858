using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>The administration statements of sql.y (<c>Parser.Admin.cs</c>).</summary>
public class AdminParserTests
{
    [Fact]
    public void Kill_forms()
    {
        Assert.Equal(new KillStatement(KillTarget.Connection, 12) { Sql = "kill connection 12" }, Parse<KillStatement>("KILL CONNECTION 12"));
        Assert.Equal(KillTarget.Transaction, Parse<KillStatement>("kill transaction 3").Target);
        Assert.Equal(KillTarget.Compact, Parse<KillStatement>("kill compact 3").Target);
        Assert.Equal("5:1a", Parse<KillQueryStatement>("kill query ' 5:1a '").KillId);
        SyntaxError("kill query 5", "5");
        SyntaxError("kill stream 5", "stream 5");
    }

    [Fact]
    public void Database_maintenance_forms()
    {
        var c = Parse<CompactDatabaseStatement>("compact database d start with 1704067200000 end with timestamp '2024-01-02'");
        Assert.Equal(("d", "1704067200000", "2024-01-02"), (c.Database, c.Start, c.End));
        Assert.Equal((null, "2024-01-02"), (Parse<CompactDatabaseStatement>("compact database d end with '2024-01-02'").Start,
            Parse<CompactDatabaseStatement>("compact database d end with '2024-01-02'").End));
        Assert.Equal(("d", 100L), (Parse<TrimDatabaseStatement>("trim database d bwlimit 100").Database, Parse<TrimDatabaseStatement>("trim database d bwlimit 100").BandwidthLimit));
        Assert.Equal(0L, Parse<TrimDatabaseStatement>("trim database d").BandwidthLimit);
        Assert.Equal("d", Parse<FlushDatabaseStatement>("flush database d").Database);
        SyntaxError("flush d", "d");
        Incomplete("compact database");
    }

    [Fact]
    public void Vgroup_forms()
    {
        Assert.Equal((false, (long?)null), (Parse<BalanceVgroupStatement>("balance vgroup").Leader, Parse<BalanceVgroupStatement>("balance vgroup").Vgroup));
        Assert.Equal((true, (long?)5), (Parse<BalanceVgroupStatement>("balance vgroup leader on 5").Leader, Parse<BalanceVgroupStatement>("balance vgroup leader on 5").Vgroup));
        Assert.Equal((2L, 3L), (Parse<MergeVgroupStatement>("merge vgroup 2 3").First, Parse<MergeVgroupStatement>("merge vgroup 2 3").Second));
        Assert.Equal([1L, 2L], Parse<RedistributeVgroupStatement>("redistribute vgroup 4 dnode 1 dnode 2").Dnodes);
        Assert.Equal(4L, Parse<SplitVgroupStatement>("split vgroup 4").Vgroup);
        Incomplete("redistribute vgroup 4");
        Incomplete("balance vgroup leader on");
    }

    [Fact]
    public void Node_forms()
    {
        Assert.Equal(("h:7000", (long?)null), (Parse<CreateDnodeStatement>("create dnode 'h:7000'").Endpoint, Parse<CreateDnodeStatement>("create dnode 'h:7000'").Port));
        Assert.Equal(("h2", (long?)7000), (Parse<CreateDnodeStatement>("create dnode h2 port 7000").Endpoint, Parse<CreateDnodeStatement>("create dnode h2 port 7000").Port));
        Assert.Equal("192.168.1.2", Parse<CreateDnodeStatement>("create dnode 192.168.1.2").Endpoint);
        Assert.Equal(new DropDnodeStatement(3, null, true, false) { Sql = "drop dnode 3 force" }, Parse<DropDnodeStatement>("drop dnode 3 force"));
        Assert.Equal(new DropDnodeStatement(null, "h:7000", false, true) { Sql = "drop dnode 'h:7000' unsafe" }, Parse<DropDnodeStatement>("drop dnode 'h:7000' unsafe"));
        Assert.Equal(new ComponentNodeStatement(NodeAction.Create, NodeKind.Qnode, 1) { Sql = "create qnode on dnode 1" }, Parse<ComponentNodeStatement>("create qnode on dnode 1"));
        Assert.Equal(NodeKind.Snode, Parse<ComponentNodeStatement>("drop snode on dnode 1").Kind);
        Assert.Equal(NodeKind.Bnode, Parse<ComponentNodeStatement>("create bnode on dnode 1").Kind);
        Assert.Equal((NodeAction.Restore, NodeKind.Dnode), (Parse<ComponentNodeStatement>("restore dnode 1").Action, Parse<ComponentNodeStatement>("restore dnode 1").Kind));
        Assert.Equal(NodeKind.Vnode, Parse<ComponentNodeStatement>("restore vnode on dnode 1").Kind);
        SyntaxError("restore snode on dnode 1", "snode on dnode 1");
        SyntaxError("create vnode on dnode 1", "vnode on dnode 1");
        Incomplete("create qnode on dnode");
    }

    [Fact]
    public void Configuration_forms()
    {
        Assert.Equal(new AlterDnodeStatement(1, "debugFlag", "135") { Sql = "alter dnode 1 'debugFlag' '135'" }, Parse<AlterDnodeStatement>("alter dnode 1 'debugFlag' '135'"));
        Assert.Equal(new AlterDnodeStatement(null, "resetlog", null) { Sql = "alter all dnodes 'resetlog'" }, Parse<AlterDnodeStatement>("alter all dnodes 'resetlog'"));
        Assert.Equal(new AlterLocalStatement("debugFlag 135", null) { Sql = "alter local 'debugFlag 135'" }, Parse<AlterLocalStatement>("alter local 'debugFlag 135'"));
        SyntaxError("alter dnode 1 debugFlag", "debugflag");
        Assert.IsType<ResetQueryCacheStatement>(SqlParserParse("reset query cache"));
    }

    [Fact]
    public void Show_forms()
    {
        Assert.Equal(new ShowAliveStatement(true, null) { Sql = "show cluster alive" }, Parse<ShowAliveStatement>("show cluster alive"));
        Assert.Equal("d", Parse<ShowAliveStatement>("show d.alive").Database);
        Assert.Null(Parse<ShowAliveStatement>("show alive").Database);
        Assert.Equal("grants full", Parse<ShowStatement>("show grants full").What);
        Assert.Equal("grants logs", Parse<ShowStatement>("show grants logs").What);
        Assert.Equal("grants", Parse<ShowStatement>("show grants").What);
        Assert.Equal("cluster", Parse<ShowStatement>("show cluster").What);
        Assert.Equal(7L, Parse<ShowCompactStatement>("show compact 7").CompactId);
        Assert.Equal("cluster machines", Parse<ShowStatement>("show cluster machines").What);
        Assert.Equal("user privileges", Parse<ShowStatement>("show user privileges").What);
        Assert.Equal("d", Parse<S3MigrateDatabaseStatement>("s3migrate database d").Database);
        Assert.Equal("compacts", Parse<ShowStatement>("show compacts").What);
        Assert.Equal("encryptions", Parse<ShowStatement>("show encryptions").What);
        Assert.Equal("variables", Parse<ShowStatement>("show cluster variables").What);
        var key = Parse<AlterDnodeStatement>("create encrypt_key 'abcdefgh'");
        Assert.Equal((null, "encrypt_key", "abcdefgh"), (key.Dnode, key.Config, key.Value));
        var cluster = Parse<AlterClusterStatement>("alter cluster 'debugFlag' '131'");
        Assert.Equal(("debugFlag", "131"), (cluster.Config, cluster.Value));
        Assert.Null(Parse<AlterClusterStatement>("alter cluster 'activeCode'").Value);
        Assert.Equal(new TableName("d", "t"), Parse<ShowTableDistributedStatement>("show table distributed d.t").Table);
        Assert.Equal(new TableName(null, "t"), Parse<ShowTableDistributedStatement>("show table distributed t").Table);
    }

    [Theory]
    [InlineData("create account a1 pass 'p'")]
    [InlineData("create account a1 pass 'p' users 10 dbs 5 state 'all'")]
    [InlineData("alter account a1 pass 'p'")]
    [InlineData("alter account a1 pps 10 qtime 5")]
    [InlineData("show accounts")]
    public void Account_statements_are_no_longer_supported(string sql)
    {
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse(sql));
        Assert.Equal((0x2614, "This statement is no longer supported"), (e.Code, e.Message));
    }

    [Fact]
    public void Account_statements_that_do_not_parse_are_syntax_errors()
    {
        Incomplete("alter account a1");
        Incomplete("create account a1 pass 'p' users");
        SyntaxError("show accounts x", "x");
    }

    private static Statement SqlParserParse(string sql) => Taos.Server.Sql.SqlParser.Parse(sql);

    /// <summary>TDengine's 9728 "syntax error near" the rest of the statement from the first token it cannot take.</summary>
    private static void SyntaxError(string sql, string near)
    {
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse(sql));
        Assert.Equal((ServerErrorCode.SyntaxError, $"syntax error near \"{near}\""), (e.Code, e.Message));
    }

    /// <summary>TDengine's 9729 for a statement that ends too early.</summary>
    private static void Incomplete(string sql)
    {
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse(sql));
        Assert.Equal((ServerErrorCode.IncompleteSql, "Incomplete SQL statement"), (e.Code, e.Message));
    }
}
