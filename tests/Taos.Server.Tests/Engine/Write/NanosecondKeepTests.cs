using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Write;

/// <summary>
/// KEEP in a nanosecond database: int64 nanoseconds reach back only ~292 years, so TDengine caps KEEP there
/// (tdef.h TSDB_MAX_KEEP_NS = 365 * 292 days). Before the cap, <c>keep 365000</c> on an ns database overflowed the
/// retention bound and every INSERT, even of the current time, failed with 1547.
/// </summary>
public sealed class NanosecondKeepTests() : EngineTestBase(database: null)
{
    [Theory]
    [InlineData("create database n precision 'ns' keep 365000", "Invalid option keep0: 525600000 valid range: [1440, 153475200]")]
    [InlineData("create database n keep 100, 200, 106581 precision 'ns'", "Invalid option keep2: 153476640 valid range: [1440, 153475200]")]
    public void Keep_beyond_292_years_is_rejected_for_nanosecond_databases(string sql, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => Exec(sql));
        Assert.Equal((9753, message), (e.Code, e.Message));
    }

    [Fact]
    public void Keep_365000_days_still_works_for_millisecond_and_microsecond_databases()
    {
        Exec("create database m keep 365000");
        Exec("create database u precision 'us' keep 365000");
        Exec("create table m.t (ts timestamp, v int)");
        Exec("create table u.t (ts timestamp, v int)");
        Assert.Equal(1, Assert.IsType<AffectedRowsResult>(Exec("insert into m.t values (0, 1)")).AffectedRows);
        Assert.Equal(1, Assert.IsType<AffectedRowsResult>(Exec("insert into u.t values (now, 1)")).AffectedRows);
    }

    [Fact]
    public void The_longest_nanosecond_keep_accepts_current_and_old_data()
    {
        Exec("create database n precision 'ns' keep 106580");
        Exec("create table n.t (ts timestamp, v int)");
        Assert.Equal(2, Assert.IsType<AffectedRowsResult>(Exec("insert into n.t values (now, 1) (1704067200000000000, 2)")).AffectedRows);
        var rows = Assert.IsType<RowSetResult>(Exec("select count(*) from n.t")).Rows.ToList();
        Assert.Equal(2L, rows[0][0]);
    }
}
