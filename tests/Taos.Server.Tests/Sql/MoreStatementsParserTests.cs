using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

public class MoreStatementsParserTests
{
    private static T Parse<T>(string sql) where T : Statement => Assert.IsType<T>(SqlParser.Parse(sql));

    [Fact]
    public void Delete_with_and_without_where()
    {
        var d = Parse<DeleteStatement>("DELETE FROM db.d1001 WHERE ts < '2024-01-01 00:00:00'");
        Assert.Equal(new TableName("db", "d1001"), d.Table);
        Assert.Equal("ts < '2024-01-01 00:00:00'", d.Where!.Text);
        Assert.Null(Parse<DeleteStatement>("delete from t").Where);
    }

    [Fact]
    public void Alter_database_options()
    {
        var a = Parse<AlterDatabaseStatement>("alter database power cachemodel 'both' keep 3650 wal_level 2");
        Assert.Equal("power", a.Name);
        Assert.Equal(["cachemodel", "keep", "wal_level"], a.Options.Select(o => o.Name));
        Assert.Throws<TaosServerException>(() => SqlParser.Parse("alter database power"));
    }

    [Fact]
    public void Alter_table_forms()
    {
        var add = Parse<AlterTableStatement>("alter table t add column c2 varchar(20)");
        Assert.Equal((false, AlterTableKind.AddColumn, "c2", new TypeSpec(TaosDataType.VarChar, 20)),
            (add.Stable, add.Kind, add.Column!.Name, add.Column.Type));
        var modify = Parse<AlterTableStatement>("alter stable db.st modify tag location binary(64)");
        Assert.Equal((true, AlterTableKind.ModifyTag, new TableName("db", "st")), (modify.Stable, modify.Kind, modify.Table));
        var drop = Parse<AlterTableStatement>("alter stable st drop column c2");
        Assert.Equal((AlterTableKind.DropColumn, "c2"), (drop.Kind, drop.Name));
        var rename = Parse<AlterTableStatement>("alter table st rename tag a b");
        Assert.Equal((AlterTableKind.RenameTag, "a", "b"), (rename.Kind, rename.Name, rename.NewName));
        var set = Parse<AlterTableStatement>("alter table d1001 set tag groupid = -5");
        Assert.Equal((AlterTableKind.SetTag, "groupid", "-5"), (set.Kind, set.Name, set.TagValue!.Text));
        var options = Parse<AlterTableStatement>("alter table t comment 'hello' ttl 10");
        Assert.Equal(AlterTableKind.Options, options.Kind);
        Assert.Equal([("comment", "hello"), ("ttl", "10")], options.Options.Select(o => (o.Name, o.Values.Single())));
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

    [Fact]
    public void Show_unknown_is_a_syntax_error()
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("show nothing"));
        Assert.Equal("syntax error near \"nothing\"", ex.Message);
    }

    [Fact]
    public void Topics()
    {
        var q = Parse<CreateTopicStatement>("create topic cx_tmq_rows as select ts, current, voltage from cx_tmq.meters");
        Assert.Equal(("cx_tmq_rows", false, TopicMeta.None), (q.Name, q.IfNotExists, q.Meta));
        Assert.Equal(3, q.Query!.Items.Count);
        var s = Parse<CreateTopicStatement>("create topic if not exists cx_tmq_stb with meta as stable cx_tmq.meters where groupid > 1");
        Assert.Equal((true, TopicMeta.WithMeta, new TableName("cx_tmq", "meters"), "groupid > 1"), (s.IfNotExists, s.Meta, s.Stable, s.Where!.Text));
        var d = Parse<CreateTopicStatement>("create topic t only meta as database db");
        Assert.Equal((TopicMeta.OnlyMeta, "db"), (d.Meta, d.Database));
        var drop = Parse<DropTopicStatement>("drop topic if exists cx_tmq_rows");
        Assert.Equal(("cx_tmq_rows", true), (drop.Name, drop.IfExists));
        var group = Parse<DropConsumerGroupStatement>("drop consumer group if exists g1 on t1");
        Assert.Equal(("g1", "t1", true), (group.Group, group.Topic, group.IfExists));
    }

    [Fact]
    public void Users()
    {
        var c = Parse<CreateUserStatement>("create user u1 pass 'Secret' sysinfo 0");
        Assert.Equal(("u1", "Secret", 0), (c.Name, c.Password, c.SysInfo));
        Assert.Equal(1, Parse<CreateUserStatement>("create user u2 pass 'x'").SysInfo);
        var a = Parse<AlterUserStatement>("alter user u1 pass 'new'");
        Assert.Equal(("u1", "pass", "new"), (a.Name, a.Option, a.Value));
        Assert.Equal(("enable", "0"), (Parse<AlterUserStatement>("alter user u1 enable 0").Option, "0"));
        Assert.Equal("u1", Parse<DropUserStatement>("drop user u1").Name);
    }

    [Fact]
    public void Insert_from_query()
    {
        var s = Parse<InsertSelectStatement>("insert into t2 (ts, v) select ts, v from t1 where v > 1");
        Assert.Equal(new TableName(null, "t2"), s.Table);
        Assert.Equal(["ts", "v"], s.Columns!);
        Assert.Equal("v > 1", s.Query.Where!.Text);
        Assert.Null(Parse<InsertSelectStatement>("insert into t2 select * from t1").Columns);
    }
}

public class QueryExtensionsParserTests
{
    [Fact]
    public void Union_all_and_union()
    {
        var u = Assert.IsType<UnionStatement>(SqlParser.Parse(
            "select ts, v from t1 union all select ts, v from t2 union (select ts, v from t3) order by ts desc limit 5"));
        Assert.Equal(3, u.Queries.Count);
        Assert.Equal([true, false], u.All);
        Assert.Equal("ts", Assert.Single(u.OrderBy).Expr.Text);
        Assert.Equal(new LimitClause(5, 0), u.Limit);
        Assert.All(u.Queries, q => Assert.Empty(q.OrderBy));
        Assert.StartsWith("select ts, v from t1 union all", u.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_by_before_union_is_a_syntax_error()
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select a from t order by a union select b from u"));
        Assert.Equal("syntax error near \"union select b from u\"", ex.Message);
    }

    [Fact]
    public void Joins()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse(
            "select a.ts, b.v from d1001 a join d1002 b on a.ts = b.ts left join d1003 c on a.ts = c.ts"));
        var outer = Assert.IsType<JoinSource>(s.From);
        Assert.Equal("left", outer.JoinType);
        Assert.Equal("a.ts = c.ts", outer.On!.Text);
        var inner = Assert.IsType<JoinSource>(outer.Left);
        Assert.Equal("inner", inner.JoinType);
        Assert.Equal(("a", "b"), (Assert.IsType<TableSource>(inner.Left).Alias, Assert.IsType<TableSource>(inner.Right).Alias));
        Assert.Equal("c", Assert.IsType<TableSource>(outer.Right).Alias);

        var comma = Assert.IsType<JoinSource>(Assert.IsType<SelectStatement>(
            SqlParser.Parse("select * from t1, t2 where t1.ts = t2.ts")).From);
        Assert.Null(comma.On);
        Assert.Equal("left outer", Assert.IsType<JoinSource>(Assert.IsType<SelectStatement>(
            SqlParser.Parse("select * from t1 left outer join t2 on t1.ts = t2.ts")).From).JoinType);
    }

    [Fact]
    public void Interp_range_every_fill()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse(
            "select _irowts, interp(current) from meters partition by tbname range('2024-01-01 00:00:00', '2024-01-01 00:01:00') every(10s) fill(linear)"));
        Assert.Equal(("'2024-01-01 00:00:00'", "'2024-01-01 00:01:00'"), (s.Range!.Start.Text, s.Range.End!.Text));
        Assert.Equal(new Duration(10, 's', "10s"), s.Every);
        Assert.Equal(FillMode.Linear, s.Fill!.Mode);
        Assert.Null(s.Window);
        var single = Assert.IsType<SelectStatement>(SqlParser.Parse("select interp(v) from t range(now) fill(prev)"));
        Assert.Null(single.Range!.End);
        Assert.Null(single.Every);
    }
}
