using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Write;

/// <summary>INSERT through the write path: counts, auto-create, overwrite rules, errors, KEEP, precision, types.</summary>
public sealed class InsertTests : EngineTestBase
{
    [Fact]
    public void Insert_counts_rows_over_tables_and_auto_creates()
    {
        Meters();
        Exec("create table d1001 using meters tags (2, 'a') d1002 using meters tags (3, 'b')");
        Assert.Equal(3, Affected("insert into d1001 values (1704067200000, 10.3, 219, 0.31) (1704067205000, 12.6, 218, 0.33) (1704067215000, 12.3, 221, 0.31)"));
        Assert.Equal(3, Affected("insert into d1002 values (1704067200000, 10.2, 220, 0.23) d.d1003 using meters tags (2, 'c') values (1704067200000, 11.8, 221, 0.28) (1704067210000, 13.4, 223, 0.29)"));
        Assert.Equal(1, Affected("insert into d1001 (ts, current) values ('2024-01-01 00:00:25.000', 9.9)"));
        Assert.Equal(7L, Rows("select count(*) from meters")[0][0]);
        Assert.Equal(new object?[] { 1704067225000L, 9.9f, null, null }, Rows("select * from d1001 where ts = 1704067225000")[0]);
    }

    [Fact]
    public void Insert_using_an_existing_table_ignores_the_tags()
    {
        Exec("create stable st (ts timestamp, v int) tags (g int)");
        Exec("insert into st_1 using st tags (1) values (1704067200000, 10)");
        Assert.Equal(1, Affected("insert into st_1 using st tags (99) values (1704067201000, 11)"));
        Assert.Equal([1], Engine.Catalog.FindTable("d", "st_1")!.TagValues!);
        Assert.Equal(2L, Rows("select count(*) from st_1")[0][0]);
    }

    [Fact]
    public void Insert_overwrite_rules()
    {
        Exec("create table ow (ts timestamp, a int, b int, c varchar(8))");
        Exec("insert into ow values (1704067200000, 1, 1, 'x')");
        Exec("insert into ow (ts, a) values (1704067200000, 2)");
        Assert.Equal(new object?[] { 1704067200000L, 2, 1, "x" }, Rows("select * from ow")[0]);
        Exec("insert into ow values (1704067200000, null, 3, 'y')");
        Assert.Equal(new object?[] { 1704067200000L, null, 3, "y" }, Rows("select * from ow")[0]);
        Assert.Equal(1, Affected("insert into ow values (1704067201000, 1, null, 'p') (1704067201000, null, 2, null)"));
        Assert.Equal(new object?[] { 1704067201000L, 1, 2, "p" }, Rows("select * from ow where ts = 1704067201000")[0]);
        Assert.Equal(1, Affected("insert into ow (ts, a) values (1704067202000, 5) (1704067202000, 6)"));
        Assert.Equal(new object?[] { 1704067202000L, 6, null, null }, Rows("select * from ow where ts = 1704067202000")[0]);
        Assert.Equal(1, Affected("insert into ow (ts, a) values (1704067203000, 7) ow (ts, b) values (1704067203000, 8)"));
        Assert.Equal(new object?[] { 1704067203000L, 7, 8, null }, Rows("select * from ow where ts = 1704067203000")[0]);
        Assert.Equal(4L, Rows("select count(*) from ow")[0][0]);
    }

    [Fact]
    public void Insert_errors()
    {
        Meters();
        Exec("create table d1001 using meters tags (2, 'a')");
        Exec("create table nt (ts timestamp, v int)");
        Fails("insert into d1001 values (1704067300000, 'abc', 1, 1)", 534, "syntax error near 'abc' (illegal float data)");
        Fails("insert into d1001 values (1704067300000, 1, 99999999999, 1)", 534, "syntax error near '99999999999, 1)' (int data overflow)");
        Fails("insert into d1001 values (1704067300000, 1, 1)", 534, "syntax error near ') (, expected)".Replace(") (", ")' ("));
        Fails("insert into d1001 values (1704067300000, 1, 1, 1, 1)", 9791, "Illegal number of columns");
        Fails("insert into nt (v) values (1)", 512, "Primary timestamp column should not be null");
        Fails("insert into nt (ts, nosuchcol) values (1704067300000, 1)", 9730, "Invalid column name: nosuchcol");
        Fails("insert into nt (ts, v, v) values (1704067300000, 1, 1)", 534, "syntax error near 'v' (duplicated column name)");
        Fails("insert into meters values (1704067300000, 1, 1, 1)", 512, "insert data into super table is not supported");
        Fails("insert into nosuch values (1704067300000, 1)", 9731, "Table does not exist");
        Fails("insert into nosuchdb.nt values (1704067300000, 1)", 904, "Database not exist");
        Fails("insert into nt values (1704067300000, 1)", 9750, "Database not specified", new SqlSession());
        Fails("insert into nt values (1704067300000, 1) nt values ('bad', 2)", 534, "syntax error near 'bad' (invalid timestamp)");
        Assert.Equal(0L, Rows("select count(*) from nt")[0][0]);
    }

    [Fact]
    public void Insert_outside_keep_rejects_the_whole_statement()
    {
        Exec("create database k duration 1 keep 3");
        Exec("create table k.t (ts timestamp, v int)");
        Fails("insert into k.t values (1577836800000, 1)", 1547, "Timestamp data out of range");
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Fails($"insert into k.t values ({now}, 1) ('2020-01-01 00:00:00.000', 2)", 1547, "Timestamp data out of range");
        Assert.Equal(0L, Rows("select count(*) from k.t")[0][0]);
        Assert.Equal(1, Affected($"insert into k.t values ({now}, 1)"));
    }

    [Fact]
    public void Insert_precision_is_the_databases()
    {
        Exec("create database n precision 'ns'");
        Exec("create table n.t (ts timestamp, v bigint)");
        Assert.Equal(2, Affected("insert into n.t values (1704067200000000001, 1) ('2024-01-01 00:00:01.123456789', 2)"));
        var ts = Rows("select ts from n.t").Select(r => (long)r[0]!).ToList();
        Assert.Equal([1704067200000000001L, 1704067201123456789L], ts);
    }

    [Fact]
    public void Insert_all_types_round_trip()
    {
        Exec("create table at (ts timestamp, b bool, ti tinyint, ubi bigint unsigned, f float, d double, s varchar(16), n nchar(4), vb varbinary(8), g geometry(64))");
        Exec("insert into at values (1704067200000, true, -128, 18446744073709551615, 3.14, 2.718281828459045, 'v''q', '涛思', '\\x0102ab', 'POINT(1.0 2.0)')");
        var row = Rows("select * from at")[0];
        Assert.Equal(true, row[1]);
        Assert.Equal((sbyte)-128, row[2]);
        Assert.Equal(18446744073709551615UL, row[3]);
        Assert.Equal(3.14f, row[4]);
        Assert.Equal(2.718281828459045, row[5]);
        Assert.Equal("v'q", row[6]);
        Assert.Equal("涛思", row[7]);
        Assert.Equal(new byte[] { 1, 2, 0xab }, row[8]);
        Assert.Equal("0101000000000000000000f03f0000000000000040", Convert.ToHexStringLower((byte[])row[9]!));
    }

    [Fact]
    public void Bulk_insert_of_many_statements_keeps_every_row()
    {
        Meters();
        for (int s = 0; s < 5; s++)
        {
            var values = string.Join(" ", Enumerable.Range(0, 10000).Select(i => $"({1704067200000L + s * 10000 + i}, {i % 7}.5, {i}, 0.5)"));
            Assert.Equal(10000, Affected($"insert into d{s % 2} using meters tags ({s % 2}, 'x') values {values}"));
        }
        Assert.Equal(50000L, Rows("select count(*) from meters")[0][0]);
        Assert.Equal(new object?[] { 1704067220005L, 5.5f, 5, 0.5f }, Rows("select * from d0 where ts = 1704067220005")[0]);
    }
}
