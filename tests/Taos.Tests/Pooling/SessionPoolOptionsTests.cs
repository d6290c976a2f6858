using Taos.Pooling;

namespace Taos.Tests.Pooling;

/// <summary>The pooling keywords of the connection string and the options the pool reads from them.</summary>
public class SessionPoolOptionsTests
{
    [Fact]
    public void Defaults_are_Npgsqls()
    {
        var options = SessionPoolOptions.From(new TaosConnectionStringBuilder("Url=http://x.test;Database=power"));
        Assert.True(options.Pooling);
        Assert.Equal(0, options.MinPoolSize);
        Assert.Equal(100, options.MaxPoolSize);
        Assert.Equal(TimeSpan.FromSeconds(300), options.IdleLifetime);
        Assert.Equal(TimeSpan.Zero, options.Lifetime);
        Assert.Equal("power", options.Database);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(SessionPoolOptions.MaxMaintenanceInterval, options.MaintenanceInterval);
    }

    [Theory]
    [InlineData("Pooling=false;Min Pool Size=2;Maximum Pool Size=7;Connection Idle Lifetime=4;Connection Lifetime=60;Timeout=0")]
    [InlineData("pooling=FALSE;minpoolsize=2;MAXPOOLSIZE=7;ConnectionIdleLifetime=4;connectionlifetime=60;Timeout=0")]
    public void Keywords_and_their_synonyms_are_read(string keywords)
    {
        var settings = new TaosConnectionStringBuilder("Url=http://x.test;" + keywords);
        Assert.False(settings.Pooling);
        Assert.Equal((2, 7, 4, 60), (settings.MinPoolSize, settings.MaxPoolSize, settings.ConnectionIdleLifetime, settings.ConnectionLifetime));
        var options = SessionPoolOptions.From(settings);
        Assert.Equal(TimeSpan.FromSeconds(4), options.IdleLifetime);
        Assert.Equal(TimeSpan.FromSeconds(4), options.MaintenanceInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Lifetime);
        Assert.Null(options.Database);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
    }

    [Fact]
    public void Properties_write_the_keywords()
    {
        var settings = new TaosConnectionStringBuilder { Pooling = false, MinPoolSize = 1, MaxPoolSize = 2, ConnectionIdleLifetime = 3, ConnectionLifetime = 4 };
        Assert.Equal("Pooling=False;MinPoolSize=1;MaxPoolSize=2;ConnectionIdleLifetime=3;ConnectionLifetime=4", settings.ConnectionString);
    }

    [Theory]
    [InlineData("Pooling=maybe", "Pooling")]
    [InlineData("MinPoolSize=-1", "MinPoolSize")]
    [InlineData("MaxPoolSize=0", "MaxPoolSize")]
    [InlineData("MaxPoolSize=lots", "MaxPoolSize")]
    [InlineData("ConnectionIdleLifetime=-5", "ConnectionIdleLifetime")]
    [InlineData("ConnectionLifetime=1.5", "ConnectionLifetime")]
    public void Bad_values_are_ArgumentExceptions_naming_the_keyword(string keywords, string keyword)
    {
        var e = Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://x.test;" + keywords));
        Assert.Contains("'" + keyword + "'", e.Message);
    }

    [Fact]
    public void MinPoolSize_above_MaxPoolSize_is_refused_by_the_connection_and_the_data_source()
    {
        const string cs = "Url=http://x.test;MinPoolSize=5;MaxPoolSize=2";
        var e = Assert.Throws<ArgumentException>(() => new TaosConnection(cs));
        Assert.Contains("MinPoolSize (5)", e.Message);
        Assert.Contains("MaxPoolSize (2)", e.Message);
        Assert.Throws<ArgumentException>(() => TaosDataSource.Create(cs));
        // The order of the keywords does not matter, and either may be set first on a builder.
        var settings = new TaosConnectionStringBuilder("Url=http://x.test") { MinPoolSize = 150, MaxPoolSize = 200 };
        Assert.Equal(150, SessionPoolOptions.From(settings).MinPoolSize);
    }
}
