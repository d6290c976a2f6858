using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE, DROP and ALTER of tables and super tables, DESCRIBE, column definitions and types (<c>Parser.Tables.cs</c>).</summary>
public class TableParserTests
{
    [Fact]
    public void CreateStable_columns_and_tags()
    {
        var s = Parse<CreateStableStatement>(
            "create stable meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))");
        Assert.Equal(new TableName(null, "meters"), s.Name);
        Assert.False(s.IfNotExists);
        Assert.Equal(["ts", "current", "voltage", "phase"], s.Columns.Select(c => c.Name));
        Assert.Equal(new TypeSpec(TaosDataType.Timestamp, 8), s.Columns[0].Type);
        Assert.Equal(new TypeSpec(TaosDataType.Float, 4), s.Columns[1].Type);
        Assert.Equal(new TypeSpec(TaosDataType.Int, 4), s.Columns[2].Type);
        Assert.Equal(["groupid", "location"], s.Tags.Select(c => c.Name));
        Assert.Equal(new TypeSpec(TaosDataType.VarChar, 24), s.Tags[1].Type);
    }

    [Fact]
    public void Every_type_name_parses()
    {
        var s = Parse<CreateStableStatement>(
            "create stable if not exists db.`At` (ts timestamp, a bool, b tinyint, c smallint, d int, e integer, f bigint, " +
            "g tinyint unsigned, h smallint unsigned, i int unsigned, j bigint unsigned, k float, l double, m binary(16), " +
            "n varchar(16), o nchar(8), p varbinary(16), q geometry(64)) tags (t json)");
        Assert.True(s.IfNotExists);
        Assert.Equal(new TableName("db", "At"), s.Name);
        Assert.Equal(
            [
                new TypeSpec(TaosDataType.Timestamp, 8), new TypeSpec(TaosDataType.Bool, 1), new TypeSpec(TaosDataType.TinyInt, 1),
                new TypeSpec(TaosDataType.SmallInt, 2), new TypeSpec(TaosDataType.Int, 4), new TypeSpec(TaosDataType.Int, 4),
                new TypeSpec(TaosDataType.BigInt, 8), new TypeSpec(TaosDataType.UTinyInt, 1), new TypeSpec(TaosDataType.USmallInt, 2),
                new TypeSpec(TaosDataType.UInt, 4), new TypeSpec(TaosDataType.UBigInt, 8), new TypeSpec(TaosDataType.Float, 4),
                new TypeSpec(TaosDataType.Double, 8), new TypeSpec(TaosDataType.VarChar, 16), new TypeSpec(TaosDataType.VarChar, 16),
                new TypeSpec(TaosDataType.NChar, 8), new TypeSpec(TaosDataType.VarBinary, 16), new TypeSpec(TaosDataType.Geometry, 64),
            ],
            s.Columns.Select(c => c.Type));
        Assert.Equal(new TypeSpec(TaosDataType.Json, 4095), s.Tags[0].Type);
    }

    [Fact]
    public void Column_options_are_kept()
    {
        var s = Parse<CreateNormalTableStatement>(
            "create table t (ts timestamp, id int primary key, v double encode 'delta-d' compress 'zstd' level 'high')");
        Assert.True(s.Columns[1].PrimaryKey);
        Assert.Equal(("delta-d", "zstd", "high"), (s.Columns[2].Encode, s.Columns[2].Compress, s.Columns[2].Level));
        Assert.False(s.Columns[2].PrimaryKey);
    }

    [Theory]
    [InlineData("create table z (ts timestamp, s binary)", "syntax error near \")\"")]
    [InlineData("create table z (ts timestamp, s varchar, v int)", "syntax error near \", v int)\"")]
    [InlineData("create table z (ts timestamp, s nchar)", "syntax error near \")\"")]
    [InlineData("create table z (ts timestamp, s varbinary)", "syntax error near \")\"")]
    [InlineData("create table z (ts timestamp, s geometry)", "syntax error near \")\"")]
    [InlineData("create table dec (ts timestamp, x decimal(10, 2))", "syntax error near \"decimal(10, 2))\"")]
    [InlineData("create table z (ts timestamp, value int)", "syntax error near \"value int)\"")]
    [InlineData("create stable s (ts timestamp, v int)", "Incomplete SQL statement")]
    public void Bad_column_definitions_fail(string sql, string message)
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void CreateTable_with_tags_is_a_super_table()
    {
        var s = Parse<CreateStableStatement>("create table st (ts timestamp, v int) tags (g int) comment 'x' ttl 3");
        Assert.Equal(["g"], s.Tags.Select(t => t.Name));
    }

    [Fact]
    public void CreateTable_normal()
    {
        var s = Parse<CreateNormalTableStatement>("create table if not exists cx_keep.t (ts timestamp, v int)");
        Assert.True(s.IfNotExists);
        Assert.Equal(new TableName("cx_keep", "t"), s.Name);
        Assert.Equal(2, s.Columns.Count);
        Assert.Contains("`Value`", Parse<CreateNormalTableStatement>("CREATE TABLE T (TS TIMESTAMP, `Value` INT)").Sql, StringComparison.Ordinal);
        Assert.Equal("Value", Parse<CreateNormalTableStatement>("create table t (ts timestamp, `Value` int)").Columns[1].Name);
    }

    [Fact]
    public void CreateTable_using_several_clauses()
    {
        const string sql = "create table d1002 using meters tags (3, 'California.SanFrancisco') " +
                           "if not exists d1003 using db.meters (location, groupid) tags ('LA', -2)";
        var s = Parse<CreateChildTablesStatement>(sql);
        Assert.Equal(2, s.Tables.Count);
        var first = s.Tables[0];
        Assert.Equal(new TableName(null, "d1002"), first.Name);
        Assert.False(first.IfNotExists);
        Assert.Equal(new TableName(null, "meters"), first.Stable);
        Assert.Null(first.TagNames);
        Assert.Equal([InsertValueKind.Number, InsertValueKind.String], first.TagValues.Values.Select(v => v.Kind));
        Assert.Equal(["3", "California.SanFrancisco"], first.TagValues.Values.Select(v => v.Text));
        Assert.Equal(')', s.Sql[first.TagValues.CloseParenPosition]);
        Assert.Equal(sql.IndexOf("'California", StringComparison.Ordinal), first.TagValues.Values[1].Position);
        var second = s.Tables[1];
        Assert.True(second.IfNotExists);
        Assert.Equal(new TableName("db", "meters"), second.Stable);
        Assert.Equal(["location", "groupid"], second.TagNames!);
        Assert.Equal(["LA", "-2"], second.TagValues.Values.Select(v => v.Text));
    }

    [Fact]
    public void CreateTable_using_tag_values_of_every_kind()
    {
        var s = Parse<CreateChildTablesStatement>("create table c using s tags (null, true, now, now() + 1s, 1.5, 'x', 0)");
        var values = s.Tables[0].TagValues.Values;
        Assert.Equal(
            [InsertValueKind.Null, InsertValueKind.Bool, InsertValueKind.TimeFunction, InsertValueKind.TimeFunction,
             InsertValueKind.Number, InsertValueKind.String, InsertValueKind.Number],
            values.Select(v => v.Kind));
        Assert.Equal("now", values[3].Text);
        var offset = Assert.Single(values[3].Offsets);
        Assert.Equal(('+', new Duration(1, 's', "1s")), offset);
    }

    [Fact]
    public void DropTable_list_and_DropStable()
    {
        var d = Parse<DropTableStatement>("drop table st_1, db.st");
        Assert.False(d.IfExists);
        Assert.Equal([new TableName(null, "st_1"), new TableName("db", "st")], d.Names);
        Assert.True(Parse<DropTableStatement>("drop table if exists a").IfExists);
        var s = Parse<DropStableStatement>("drop stable if exists meters");
        Assert.True(s.IfExists);
        Assert.Equal(new TableName(null, "meters"), s.Name);
    }

    [Fact]
    public void Describe_both_spellings()
    {
        Assert.Equal(new TableName(null, "meters"), Parse<DescribeStatement>("describe meters").Name);
        Assert.Equal(new TableName("db", "d1001"), Parse<DescribeStatement>("DESC db.d1001").Name);
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
}
