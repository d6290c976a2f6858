using Taos.Server.Engine;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine;

public sealed class SqlEngineTests : EngineTestBase
{
    [Fact]
    public void Select_matches_column_and_tag_names_case_sensitively()
    {
        Exec("create table `MyT` (ts timestamp, `Val` int)");
        Exec("create stable cst (ts timestamp, v int) tags (`G` int)");
        Exec("insert into `MyT` values (1704067200000, 1)");
        Assert.Single(Rows("select `Val` from `MyT`"));
        Fails("select val from `MyT`", ServerErrorCode.InvalidColumnName, "Invalid column name: val");
        Fails("select g from cst", ServerErrorCode.InvalidColumnName, "Invalid column name: g");
    }

    [Fact]
    public void Insert_error_quoting_cuts_at_63_bytes_like_taosAdapter()
    {
        Exec("create table t (ts timestamp, v int)");
        var e = Assert.Throws<TaosServerException>(() => Exec("insert into t values (1704067200000, 'a" + new string('涛', 21) + "')"));
        Assert.Equal(ServerErrorCode.InvalidValue, e.Code);
        // 'a' and 20 three-byte characters fill 61 bytes; bytes 62 and 63 are two thirds of a character, and Go's JSON
        // encoder turns each invalid byte of the C string into its own U+FFFD.
        Assert.StartsWith("syntax error near 'a" + new string('涛', 20) + "\uFFFD\uFFFD' (", e.Message);
    }

    [Theory]
    [InlineData("delete from t", "DELETE")]
    [InlineData("alter table t add column w int", "ALTER TABLE")]
    [InlineData("show create table t", "SHOW CREATE TABLE")]
    [InlineData("select * from t a join t b on a.ts = b.ts", "JOIN")]
    [InlineData("select v from t range('2024-01-01', '2024-01-02') every(1h) fill(prev)", "INTERP (RANGE, EVERY)")]
    [InlineData("select tags tbname from t", "SELECT TAGS")]
    public void Execute_parsed_but_unimplemented_statement_says_so_and_changes_nothing(string sql, string kind)
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Fails(sql, ServerErrorCode.OperationNotSupported, $"Operation not supported: {kind} is not implemented by the embedded server");
        Assert.Single(Rows("select * from t"));
    }

    private void Meters()
    {
        Exec("create stable meters (ts timestamp, current float, voltage int, phase float) tags (groupid int, location binary(24))");
    }

    // ---- databases ----

    [Theory]
    [InlineData("create database x precision 'xs'", "Invalid option precision: xs")]
    [InlineData("create database x buffer 2", "Invalid option buffer: 2 valid range: [3, 16384]")]
    [InlineData("create database x wal_level 3", "Invalid option walLevel: 3, only 1, 2 allowed")]
    [InlineData("create database x keep 10s", "Invalid option keep unit: s, only m, h, d allowed")]
    [InlineData("create database x keep 5", "Invalid duration value, should be keep2 >= keep1 >= keep0 >= 3 * duration")]
    [InlineData("create database x vgroups 0", "Invalid option vgroups: 0 valid range: [1, 1024]")]
    public void CreateDatabase_bad_option_is_9753(string sql, string message) => Fails(sql, 9753, message);

    [Fact]
    public void CreateDatabase_options_are_normalized_and_stored()
    {
        Exec("create database o precision 'US' keep 30d,60d,3650 duration 12h buffer 64 cachemodel 'both'");
        var db = Engine.Catalog.FindDatabase("o")!;
        Assert.Equal(TaosPrecision.Microseconds, db.Precision);
        Assert.Equal("43200m,86400m,5256000m", db.Options["keep"]);
        Assert.Equal("720m", db.Options["duration"]);
        Assert.Equal("64", db.Options["buffer"]);
        Assert.Equal("both", db.Options["cachemodel"]);
        Assert.Equal("us", db.Options["precision"]);
    }

    [Fact]
    public void CreateDatabase_exists_and_drop_missing()
    {
        Fails("create database d", 897, "Database already exists");
        Assert.Equal(0, Affected("create database if not exists d"));
        Fails("drop database nosuch", 904, "Database not exist");
        Assert.Equal(0, Affected("drop database if exists nosuch"));
    }

    [Fact]
    public void ShowDatabases_lists_system_databases_first()
    {
        Exec("create database e precision 'us'");
        var names = Rows("show databases").Select(r => (string)r[0]!).ToList();
        Assert.Equal(["information_schema", "performance_schema", "d", "e"], names);
        Exec("drop database e");
        Assert.DoesNotContain("e", Rows("show databases").Select(r => (string)r[0]!));
    }

    [Fact]
    public void Use_validates_the_database()
    {
        var session = new SqlSession();
        Fails("use nosuch", 904, "Database not exist", session);
        Assert.Equal(0, Assert.IsType<AffectedRowsResult>(Exec("use d", session)).AffectedRows);
    }

    // ---- schema ----

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

    // ---- INSERT ----

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

    // ---- names ----

    [Fact]
    public void Select_name_resolution_errors()
    {
        Fails("select * from meters", 9750, "Database not specified", new SqlSession());
        Fails("select * from meters", 9750, "Database not specified", new SqlSession { Database = "nosuch" });
        Fails("select * from nosuch.meters", 9826, "Fail to get table info, error: Database not exist");
        Fails("select * from nosuch", 9826, "Fail to get table info, error: Table does not exist");
    }

    // ---- durability ----

    [Fact]
    public void Everything_acknowledged_survives_a_restart()
    {
        Meters();
        Exec("create database u precision 'us'");
        Exec("insert into d1001 using meters tags (2, 'California') values (1704067200000, 10.3, 219, 0.31) (1704067205000, 12.6, 218, 0.33)");
        Exec("create table u.t (ts timestamp, v int)");
        Exec("insert into u.t values (1704067200000001, 5)");
        Reopen();
        Assert.Equal(2L, Rows("select count(*) from meters")[0][0]);
        Assert.Equal([2, "California"], Engine.Catalog.FindTable("d", "d1001")!.TagValues!);
        Assert.Equal(TaosPrecision.Microseconds, Engine.Catalog.FindDatabase("u")!.Precision);
        Assert.Equal(new object?[] { 1704067200000001L, 5 }, Rows("select * from u.t")[0]);
        Fails("create database u", 897, "Database already exists");
        Assert.Equal(1, Affected("insert into d1002 using meters tags (3, 'b') values (1704067200000, 1, 1, 1)"));
    }

    [Fact]
    public void Acknowledged_writes_are_on_disk_without_a_clean_shutdown()
    {
        Meters();
        Exec("insert into d1001 using meters tags (2, 'x') values (1704067200000, 10.3, 219, 0.31)");
        Exec("insert into d1001 values (1704067205000, 12.6, 218, 0.33)");
        // Copy the files as a crash would leave them (engine still open, WAL not checkpointed) and open the copy.
        string crashed = Dir + "-crash";
        Directory.CreateDirectory(crashed);
        try
        {
            foreach (var file in Directory.GetFiles(Dir).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)))
                File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
            using var recovered = new SqlEngine(new SqliteStore(crashed), TimeZoneInfo.Utc);
            var count = Assert.IsType<RowSetResult>(recovered.Execute("select count(*) from meters", Session));
            Assert.Equal(2L, count.Rows.Single()[0]);
        }
        finally
        {
            Directory.Delete(crashed, recursive: true);
        }
    }
}

public sealed class SqlEngineConcurrencyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-engine-cc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Concurrent_inserts_auto_creates_and_queries_lose_nothing()
    {
        using var engine = new SqlEngine(new SqliteStore(_dir), TimeZoneInfo.Utc);
        var session = new SqlSession { Database = "c" };
        engine.Execute("create database c", session);
        engine.Execute("create stable st (ts timestamp, v int) tags (g int)", session);
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (int s = 0; s < 20; s++)
            {
                var values = string.Join(" ", Enumerable.Range(0, 100).Select(i => $"({1704067200000L + s * 100 + i}, {i})"));
                // Every writer also touches a shared table name, racing on its auto-creation.
                engine.Execute($"insert into t{w} using st tags ({w}) values {values} shared using st tags (-1) values ({1704067200000L + w * 10000 + s}, {w})", new SqlSession { Database = "c" });
            }
        })).ToList();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                var result = Assert.IsType<RowSetResult>(engine.Execute("select count(*) from st", new SqlSession { Database = "c" }));
                Assert.InRange((long)result.Rows.Single()[0]!, 0L, 16160L);
            }
        })).ToList();
        await Task.WhenAll(writers.Concat(readers));
        var total = Assert.IsType<RowSetResult>(engine.Execute("select count(*) from st", session));
        Assert.Equal(8 * 20 * 100 + 8 * 20, (long)total.Rows.Single()[0]!);
    }
}
