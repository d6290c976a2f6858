using System.Globalization;

namespace Taos.Tests.Integration;

public abstract class EdgeProbeTests(ServerFixture server)
{
    [Fact]
    public void Huge_timeout_means_a_long_wait_not_an_ArgumentOutOfRangeException()
    {
        using var c = new TaosConnection(server.ConnectionString(extra: "Timeout=2147483647"));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        cmd.CommandTimeout = int.MaxValue;
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Disposed_data_source_throws_ObjectDisposedException_not_a_transient_error()
    {
        var ds = TaosDataSource.Create(server.ConnectionString());
        ds.Dispose();
        using var cmd = ds.CreateCommand("select 1");
        var e = Record.Exception(() => cmd.ExecuteScalar());
        Assert.False(e is TaosException { IsTransient: true }, e?.ToString());
        Assert.IsType<ObjectDisposedException>(e);
    }
}

public abstract class LiteralRoundTripProbeTests(ServerFixture server)
{
    [Fact]
    public void Extreme_numbers_and_100ns_DateTimes_round_trip_as_parameters()
    {
        server.Run("create database if not exists lrt precision 'ns'",
            "create table if not exists lrt.t (ts timestamp, bi bigint, d double, f float, ubi bigint unsigned, ti tinyint)");
        using var c = new TaosConnection(server.ConnectionString("lrt"));
        c.Open();
        var ts = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        using var cmd = new TaosCommand("insert into t values (@ts, @bi, @d, @f, @u, @ti)", c);
        cmd.Parameters.AddWithValue("ts", ts);
        cmd.Parameters.AddWithValue("bi", long.MinValue + 1);
        cmd.Parameters.AddWithValue("d", 1e-7);
        cmd.Parameters.AddWithValue("f", 3.4e38f);
        cmd.Parameters.AddWithValue("u", ulong.MaxValue - 1);
        cmd.Parameters.AddWithValue("ti", sbyte.MinValue + 1);
        Assert.Equal(1, cmd.ExecuteNonQuery());
        cmd.Parameters["ts"].Value = ts.AddSeconds(1);
        cmd.Parameters["d"].Value = 1.5e300;
        cmd.Parameters["f"].Value = -1e-30f;
        cmd.Parameters["bi"].Value = 12345678901234m;
        Assert.Equal(1, cmd.ExecuteNonQuery());
        using var q = new TaosCommand("select * from t where ts >= @ts order by ts", c);
        q.Parameters.AddWithValue("ts", ts);
        using var r = q.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(ts, r.GetDateTime(0));
        Assert.Equal(long.MinValue + 1, r.GetInt64(1));
        Assert.Equal(1e-7, r.GetDouble(2));
        Assert.Equal(3.4e38f, r.GetFloat(3));
        Assert.Equal(ulong.MaxValue - 1, r.GetUInt64(4));
        Assert.Equal((sbyte)(sbyte.MinValue + 1), r.GetSByte(5));
        Assert.True(r.Read());
        Assert.Equal(1.5e300, r.GetDouble(2));
        Assert.Equal(-1e-30f, r.GetFloat(3));
        Assert.Equal(12345678901234L, r.GetInt64(1));
        Assert.False(r.Read());
    }

    [Fact]
    public void Timezone_connection_reads_wall_clock_and_binds_unspecified_DateTime_in_that_zone()
    {
        server.Run("create database if not exists tzp", "create table if not exists tzp.t (ts timestamp, v int)",
            "insert into tzp.t values ('2024-01-01T00:00:00Z', 1)");
        using var c = new TaosConnection(server.ConnectionString("tzp", "Timezone=Asia/Shanghai"));
        c.Open();
        using var cmd = new TaosCommand("select ts, v from t where ts = @ts", c);
        cmd.Parameters.AddWithValue("ts", new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified));
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0), r.GetDateTime(0));
        Assert.Equal(TimeSpan.FromHours(8), r.GetDateTimeOffset(0).Offset);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), r.GetFieldValue<TaosTimestamp>(0).ToDateTime());
    }
}

public abstract class SecondTimestampColumnTests(ServerFixture server)
{
    [Fact]
    public void Ns_timestamp_column_null_in_the_first_row_still_reads_as_TaosTimestamp()
    {
        server.Run("create database if not exists sts precision 'ns'", "create table if not exists sts.t (ts timestamp, ts2 timestamp)",
            "insert into sts.t values ('2024-01-01T00:00:00Z', null) ('2024-01-01T00:00:01Z', '2024-01-01T00:00:02.123456789Z')");
        using var c = new TaosConnection(server.ConnectionString("sts"));
        c.Open();
        using var cmd = new TaosCommand("select ts, ts2 from t order by ts", c);
        var table = new System.Data.DataTable();
        using (var r = cmd.ExecuteReader())
        {
            Assert.Equal(typeof(TaosTimestamp), r.GetFieldType(1));
            table.Load(r);
        }
        Assert.Equal(TaosTimestamp.Parse("2024-01-01T00:00:02.123456789Z"), table.Rows[1]["ts2"]);
    }
}

public abstract class DapperProbeTests(ServerFixture server)
{
    [Fact]
    public void QueryFirst_QuerySingle_tuples_and_TaosTimestamp_parameters_via_AddTypeMap()
    {
        server.Run("create database if not exists dpp precision 'us'", "create table if not exists dpp.t (ts timestamp, u int unsigned)",
            "insert into dpp.t values ('2024-01-01T00:00:00.000001Z', 1) ('2024-01-01T00:00:00.000002Z', 4294967295)");
        using var c = new TaosConnection(server.ConnectionString("dpp"));
        c.Open();
        Assert.Equal(1u, Dapper.SqlMapper.QueryFirst<uint>(c, "select u from t order by ts"));
        Assert.Throws<InvalidOperationException>(() => Dapper.SqlMapper.QuerySingle<uint>(c, "select u from t"));
        var (ts, u) = Dapper.SqlMapper.Query<(DateTime, uint)>(c, "select ts, u from t order by ts desc").First();
        Assert.Equal(uint.MaxValue, u);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(20), ts);
        Dapper.SqlMapper.AddTypeMap(typeof(TaosTimestamp), System.Data.DbType.DateTime2);
        var at = TaosTimestamp.Parse("2024-01-01T00:00:00.000002Z");
        Assert.Equal(uint.MaxValue, Dapper.SqlMapper.ExecuteScalar<uint>(c, "select u from t where ts = @at", new { at }));
    }
}

[Collection(ServerCollection.Name)]
public sealed class EdgeProbeTestsOverRest(ServerFixture server) : EdgeProbeTests(server);

[Collection(WsServerCollection.Name)]
public sealed class EdgeProbeTestsOverWebSocket(WsServerFixture server) : EdgeProbeTests(server);

[Collection(ServerCollection.Name)]
public sealed class LiteralRoundTripProbeTestsOverRest(ServerFixture server) : LiteralRoundTripProbeTests(server);

[Collection(WsServerCollection.Name)]
public sealed class LiteralRoundTripProbeTestsOverWebSocket(WsServerFixture server) : LiteralRoundTripProbeTests(server);

[Collection(ServerCollection.Name)]
public sealed class SecondTimestampColumnTestsOverRest(ServerFixture server) : SecondTimestampColumnTests(server);

[Collection(WsServerCollection.Name)]
public sealed class SecondTimestampColumnTestsOverWebSocket(WsServerFixture server) : SecondTimestampColumnTests(server);

[Collection(ServerCollection.Name)]
public sealed class DapperProbeTestsOverRest(ServerFixture server) : DapperProbeTests(server);

[Collection(WsServerCollection.Name)]
public sealed class DapperProbeTestsOverWebSocket(WsServerFixture server) : DapperProbeTests(server);
