using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>CREATE STABLE/TABLE (normal and child), DESCRIBE, SHOW TABLES/STABLES, DROP, and tag values.</summary>
public sealed class TableCommandsTests : EngineTestBase
{
    [Theory]
    [InlineData("create table one (ts timestamp)", 9791, "Illegal number of columns")]
    [InlineData("create table nots (v int, ts timestamp)", 9793, "First column must be timestamp")]
    [InlineData("create table jc (ts timestamp, j json)", 9810, "Only tag can be json type")]
    [InlineData("create stable j2 (ts timestamp, v int) tags (j json, k int)", 9779, "Only one tag if there is a json tag")]
    [InlineData("create table dup (ts timestamp, v int, v int)", 9788, "Duplicated column names")]
    [InlineData("create stable dup2 (ts timestamp, v int) tags (v int)", 9788, "Duplicated column names")]
    [InlineData("create table z (ts timestamp, s varchar(0))", 9794, "Invalid column length for var length type")]
    [InlineData("create table z (ts timestamp, s nchar(16380))", 9794, "Invalid column length for var length type")]
    [InlineData("create table z (ts timestamp, a varchar(40000), b varchar(40000))", 9790, "Row length exceeds max length 65531")]
    [InlineData("create stable z (ts timestamp, a int) tags (a1 varchar(10000), a2 varchar(10000))", 9789, "Tags length exceeds max length 16384")]
    public void Create_schema_errors(string sql, int code, string message) => Fails(sql, code, message);

    [Fact]
    public void CreateStable_with_129_tags_is_9795()
    {
        string tags = string.Join(", ", Enumerable.Range(0, 129).Select(i => $"t{i} int"));
        Fails($"create stable many (ts timestamp, v int) tags ({tags})", 9795, "Invalid number of tag columns");
    }

    [Fact]
    public void CreateStable_twice_is_864_and_tables_1539()
    {
        Meters();
        Fails("create stable meters (ts timestamp, v int) tags (t int)", 864, "STable already exists");
        Assert.Equal(0, Affected("create stable if not exists meters (ts timestamp, v int) tags (t int)"));
        Exec("create table d1001 using meters tags (2, 'x')");
        Fails("create table d1001 using meters tags (3, 'y')", 1539, "Table already exists");
        Exec("create table nt (ts timestamp, v int)");
        Fails("create table nt (ts timestamp, v int)", 1539, "Table already exists");
    }

    [Fact]
    public void Describe_super_normal_and_child_tables()
    {
        Meters();
        Exec("create table d1001 using meters tags (2, 'x')");
        var super = Assert.IsType<RowSetResult>(Exec("describe meters"));
        Assert.Equal(["field", "type", "length", "note", "encode", "compress", "level"], super.Columns.Select(c => c.Name));
        var rows = super.Rows.ToList();
        Assert.Equal(new object?[] { "ts", "TIMESTAMP", 8, "", "delta-i", "lz4", "medium" }, rows[0]);
        Assert.Equal(new object?[] { "current", "FLOAT", 4, "", "delta-d", "lz4", "medium" }, rows[1]);
        Assert.Equal(new object?[] { "voltage", "INT", 4, "", "simple8b", "lz4", "medium" }, rows[2]);
        Assert.Equal(new object?[] { "location", "VARCHAR", 24, "TAG", "disabled", "disabled", "disabled" }, rows[5]);
        var child = Assert.IsType<RowSetResult>(Exec("describe d1001"));
        Assert.Equal(4, child.Columns.Count);
        Assert.Equal(new object?[] { "groupid", "INT", 4, "TAG" }, child.Rows.ToList()[4]);
        Exec("create table nt (ts timestamp, b bool, s nchar(8), g geometry(64))");
        var normal = Rows("describe nt");
        Assert.Equal(new object?[] { "b", "BOOL", 1, "", "bit-packing", "lz4", "medium" }, normal[1]);
        Assert.Equal(new object?[] { "s", "NCHAR", 8, "", "disabled", "lz4", "medium" }, normal[2]);
        Fails("describe nosuch", 9731, "Table does not exist");
    }

    [Fact]
    public void ShowTables_and_stables_with_like_and_db()
    {
        Meters();
        Exec("create table d1001 using meters tags (2, 'x') d1002 using meters tags (3, 'y')");
        Exec("create table nt (ts timestamp, v int)");
        Assert.Equal(["d1001", "d1002", "nt"], Rows("show tables").Select(r => (string)r[0]!).Order());
        Assert.Equal(["d1002"], Rows("show d.tables like '%2'").Select(r => (string)r[0]!));
        Assert.Equal(["nt"], Rows("show normal tables").Select(r => (string)r[0]!));
        Assert.Equal(["meters"], Rows("show stables").Select(r => (string)r[0]!));
        Fails("show nosuch.tables", 904, "Database not exist");
        Fails("show tables", 9750, "Database not specified", new SqlSession());
    }

    [Fact]
    public void ShowTables_like_matches_as_where_like_does()
    {
        Meters();
        Exec("create table d1001 using meters tags (2, 'x') `D_2` using meters tags (3, 'y') dx2 using meters tags (4, 'z')");
        Exec("insert into d1001 values (1704067200000, 1, 1, 1) `D_2` values (1704067200000, 2, 2, 2) dx2 values (1704067200000, 3, 3, 3)");
        // One matcher for SHOW … LIKE and WHERE … LIKE (TDengine's patternMatch): ASCII case ignored, \_ a literal underscore.
        Assert.Equal(["D_2", "d1001", "dx2"], Rows("show tables like 'd%'").Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.Equal(["D_2"], Rows("show tables like '_\\_%'").Select(r => (string)r[0]!));
        Assert.Equal(Rows("select tbname from meters where tbname like 'd%' order by tbname").Select(r => (string)r[0]!),
            Rows("show tables like 'd%'").Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Drop_tables_and_stables()
    {
        Meters();
        Exec("create table d1 using meters tags (1, 'a') d2 using meters tags (2, 'b')");
        Exec("insert into d1 values (1704067200000, 1, 1, 1) d2 values (1704067200000, 2, 2, 2)");
        Fails("drop table d1, meters", 9786, "Cannot drop super table in batch");
        Fails("drop table nosuch", 9731, "Table does not exist");
        Assert.Equal(0, Affected("drop table if exists nosuch"));
        Exec("drop table d1");
        Assert.Equal(1L, Rows("select count(*) from meters")[0][0]);
        Fails("drop stable nosuch", 866, "STable not exist");
        Exec("drop table meters"); // a lone super table is dropped as a STABLE
        Assert.Empty(Rows("show tables"));
        Fails("select * from meters", 9826, "Fail to get table info, error: Table does not exist");
    }

    // ---- child tables and tags ----

    [Fact]
    public void Child_tables_get_tags_by_name_and_if_not_exists_keeps_them()
    {
        Meters();
        Exec("create table c1 using meters (location) tags ('here')");
        Exec("create table if not exists c1 using meters tags (9, 'there')");
        var row = Rows("select groupid, location from c1 where ts > 0"); // no rows; read tags through the catalog instead
        Assert.Empty(row);
        var tags = Engine.Catalog.FindTable("d", "c1")!.TagValues!;
        Assert.Equal([null, "here"], tags);
    }

    [Fact]
    public void Tag_value_errors()
    {
        Meters();
        Fails("insert into d1005 using meters tags (1) values (1704067300000, 1, 1, 1)", 534,
            "syntax error near ') values (1704067300000, 1, 1, 1)' (invalid data or symbol)");
        Fails("insert into d1006 using meters tags (1, 'this location is much too long for the tag') values (1704067300000, 1, 1, 1)", 9811,
            "Value too long for column/tag: location");
        Fails("insert into d1007 using meters tags (1, 'a', 3) values (1704067300000, 1, 1, 1)", 9741, "Tags number not matched");
        Assert.Null(Engine.Catalog.FindTable("d", "d1005"));
        Fails("create table d1008 using meters tags (1)", 9741, "Tags number not matched");
        Fails("create table d1008 using meters tags (1, 'a', 2)", 9741, "Tags number not matched");
    }

    [Fact]
    public void Json_tags_are_normalized()
    {
        Exec("create stable js (ts timestamp, v int) tags (j json)");
        Exec("insert into js_1 using js tags ('{\"zeta\":1,\"alpha\":\"x\",\"mid\":true,\"beta\":null,\"Alpha\":2}') values (1704067200000, 1)");
        Exec("insert into js_2 using js tags (null) values (1704067200000, 1)");
        Assert.Equal("{\"Alpha\":2,\"alpha\":\"x\",\"beta\":null,\"mid\":true,\"zeta\":1}", Engine.Catalog.FindTable("d", "js_1")!.TagValues![0]);
        Assert.Null(Engine.Catalog.FindTable("d", "js_2")!.TagValues![0]);
    }
}
