using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>The SHOW statements (<c>Parser.Show.cs</c>).</summary>
public class ShowParserTests
{
    [Fact]
    public void ShowDatabases_kinds()
    {
        Assert.Equal(ShowDatabasesKind.All, Parse<ShowDatabasesStatement>("show databases").Kind);
        Assert.Equal(ShowDatabasesKind.User, Parse<ShowDatabasesStatement>("SHOW USER DATABASES").Kind);
        Assert.Equal(ShowDatabasesKind.System, Parse<ShowDatabasesStatement>("show system databases").Kind);
    }

    [Fact]
    public void ShowTables_forms()
    {
        var all = Parse<ShowTablesStatement>("show tables");
        Assert.Equal((null, null, ShowTablesKind.All), (all.Database, all.LikePattern, all.Kind));
        var withDb = Parse<ShowTablesStatement>("show cf_nosuchdb.tables");
        Assert.Equal("cf_nosuchdb", withDb.Database);
        var full = Parse<ShowTablesStatement>("SHOW CHILD db1.TABLES LIKE 'D10%'");
        Assert.Equal(("db1", "D10%", ShowTablesKind.Child), (full.Database, full.LikePattern, full.Kind));
        Assert.Equal(ShowTablesKind.Normal, Parse<ShowTablesStatement>("show normal tables").Kind);
    }

    [Fact]
    public void ShowStables_forms()
    {
        var s = Parse<ShowStablesStatement>("show stables");
        Assert.Null(s.Database);
        var t = Parse<ShowStablesStatement>("show power.stables like 'me%'");
        Assert.Equal(("power", "me%"), (t.Database, t.LikePattern));
        Assert.Throws<TaosServerException>(() => SqlParser.Parse("show child stables"));
    }

    [Fact]
    public void Show_create_and_tags()
    {
        Assert.Equal("power", Parse<ShowCreateDatabaseStatement>("show create database power").Name);
        var table = Parse<ShowCreateTableStatement>("show create table db.t");
        Assert.Equal((new TableName("db", "t"), false), (table.Name, table.Stable));
        Assert.True(Parse<ShowCreateTableStatement>("show create stable st").Stable);
        Assert.Equal(new TableName("db", "d1001"), Parse<ShowTagsStatement>("show tags from d1001 from db").Table);
        Assert.Equal(new TableName("db", "d1001"), Parse<ShowTagsStatement>("show tags from db.d1001").Table);
        var tableTags = Parse<ShowTableTagsStatement>("show table tags groupid, location from meters");
        Assert.Equal(["groupid", "location"], tableTags.Tags.Select(t => t.Text));
        Assert.Empty(Parse<ShowTableTagsStatement>("show table tags from meters").Tags);
    }

    [Theory]
    [InlineData("show users", "users", null)]
    [InlineData("SHOW TOPICS", "topics", null)]
    [InlineData("show vgroups", "vgroups", null)]
    [InlineData("show power.vgroups", "vgroups", "power")]
    [InlineData("show local variables", "local variables", null)]
    [InlineData("show functions", "functions", null)]
    public void Show_simple_forms(string sql, string what, string? database)
    {
        var s = Parse<ShowStatement>(sql);
        Assert.Equal((what, database), (s.What, s.Database));
    }

    [Theory]
    [InlineData("show dnode 1 variables", "dnode variables", 1L, null)]
    [InlineData("SHOW DNODE 3 VARIABLES LIKE 'time%'", "dnode variables", 3L, "time%")]
    [InlineData("show vnodes on dnode 2", "vnodes", 2L, null)]
    [InlineData("show vnodes", "vnodes", null, null)]
    public void Show_dnode_forms_carry_the_dnode_and_pattern(string sql, string what, long? dnode, string? like)
    {
        var s = Parse<ShowStatement>(sql);
        Assert.Equal((what, dnode, like), (s.What, s.Dnode, s.Like));
    }

    [Theory]
    [InlineData("show dnode variables", "syntax error near \"variables\"")]
    [InlineData("show dnode 1", "Incomplete SQL statement")]
    [InlineData("show vnodes on 1", "syntax error near \"1\"")]
    public void Show_dnode_forms_need_their_words(string sql, string message)
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Show_unknown_is_a_syntax_error()
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("show nothing"));
        Assert.Equal("syntax error near \"nothing\"", ex.Message);
    }
}
