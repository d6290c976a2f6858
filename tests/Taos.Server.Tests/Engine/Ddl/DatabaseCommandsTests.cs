using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Ddl;

/// <summary>CREATE/DROP DATABASE, USE and SHOW DATABASES.</summary>
public sealed class DatabaseCommandsTests : EngineTestBase
{
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
}
