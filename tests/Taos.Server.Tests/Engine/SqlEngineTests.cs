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

    [Fact]
    public void Show_scores_fails_as_TDengine_3_3_0_1_does_and_changes_nothing()
    {
        // TDengine 3.3.0.1 parses SHOW SCORES but fails it with TSDB_CODE_FAILED (-1): REST carries 0xFFFF and the C
        // library's text for it, not "Operation not supported".
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 1)");
        Fails("show scores", 0xFFFF, "Unknown error 65535");
        Assert.Single(Rows("select * from t"));
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
