namespace Taos.Tests.Integration;

public abstract class ParameterTests(ServerFixture server)
{
    public static TheoryData<string> Hostile => new()
    {
        "'; drop database power; --",
        "\\' or 1=1 --",
        "\\",
        "\\\\'",
        "''",
        "'",
        "\"; select 1; --",
        "a\\nb",
        "back\\slash and 'quote' and \"dq\"",
        "涛思数据 ñ 🚀",
        "@p ? `x` /* c */ -- d",
        "line1\nline2\ttab",
        "\\x41",
        "%_\\%\\_",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_strings_land_as_data(string hostile)
    {
        server.Run("create database if not exists power", "create database if not exists par",
            "create table if not exists par.t (ts timestamp, s varchar(200), n nchar(100))");
        using var c = new TaosConnection(server.ConnectionString("par"));
        await c.OpenAsync();
        var ins = c.CreateCommand();
        var now = DateTime.UtcNow;
        var ts = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        ins.CommandText = "insert into t values (@ts, @s, @n)";
        ins.Parameters.AddWithValue("@ts", ts);
        ins.Parameters.AddWithValue("s", hostile);
        ins.Parameters.AddWithValue("n", hostile);
        Assert.Equal(1, await ins.ExecuteNonQueryAsync());

        var sel = c.CreateCommand();
        sel.CommandText = "select s, n from t where ts = ?";
        sel.Parameters.Add(new TaosParameter { Value = ts });
        using var r = await sel.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(hostile, r.GetString(0));
        Assert.Equal(hostile, r.GetString(1));
        Assert.False(await r.ReadAsync());
        // One command at a time on a connection (ADO.NET): the reader is closed before the next runs.
        r.Close();

        // The database the classic injection names still exists.
        var dbs = c.CreateCommand();
        dbs.CommandText = "show databases";
        using var dr = dbs.ExecuteReader();
        var names = new List<string>();
        while (dr.Read()) names.Add(dr.GetString(0));
        Assert.Contains("power", names);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_parameter_type_round_trips(bool async)
    {
        string db = "partypes_" + (async ? "a" : "s");
        server.Run($"create database if not exists {db}",
            $"create table if not exists {db}.t (ts timestamp, b bool, i8 tinyint, i16 smallint, i32 int, i64 bigint, u8 tinyint unsigned, u64 bigint unsigned, f float, d double, s varchar(20), vb varbinary(20))");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        var ins = c.CreateCommand();
        ins.CommandText = "insert into t values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        var ts = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        object?[] values = [ts, true, (sbyte)-8, (short)-16, -32, long.MinValue + 1, (byte)200, ulong.MaxValue, 1.25f, Math.PI, "x'y", new byte[] { 0, 1, 0xfe }];
        foreach (var v in values) ins.Parameters.Add(new TaosParameter { Value = v });
        Assert.Equal(1, async ? await ins.ExecuteNonQueryAsync() : ins.ExecuteNonQuery());
        ins.Parameters[0].Value = ts.AddSeconds(1);
        for (int i = 1; i < values.Length; i++) ins.Parameters[i].Value = DBNull.Value;
        Assert.Equal(1, ins.ExecuteNonQuery());

        var sel = c.CreateCommand();
        sel.CommandText = "select * from t order by ts";
        using var r = async ? await sel.ExecuteReaderAsync() : sel.ExecuteReader();
        Assert.True(r.Read());
        for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], r.GetValue(i));
        Assert.True(r.Read());
        for (int i = 1; i < values.Length; i++) Assert.True(r.IsDBNull(i));
    }

    [Fact]
    public void An_explicit_DbType_converts_the_value_before_it_is_sent()
    {
        server.Run("create database if not exists par",
            "create table if not exists par.dbt (ts timestamp, s varchar(20), v int)");
        using var c = new TaosConnection(server.ConnectionString("par"));
        c.Open();
        using var ins = c.CreateCommand();
        ins.CommandText = "insert into dbt values (?, ?, ?)";
        ins.Parameters.Add(new TaosParameter { Value = 1_704_067_200_000L });
        ins.Parameters.Add(new TaosParameter { Value = 42, DbType = System.Data.DbType.String });
        ins.Parameters.Add(new TaosParameter { Value = "220", DbType = System.Data.DbType.Int32 });
        ins.Prepare();
        Assert.Equal(1, ins.ExecuteNonQuery());
        using var sel = c.CreateCommand();
        sel.CommandText = "select s, v from dbt where s = ?";
        sel.Parameters.Add(new TaosParameter { Value = 42, DbType = System.Data.DbType.String });
        using (var r = sel.ExecuteReader())
        {
            Assert.True(r.Read());
            Assert.Equal(("42", 220), (r.GetString(0), r.GetInt32(1)));
        }
        ins.Parameters[2].Value = "not a number";
        var e = Assert.Throws<InvalidCastException>(() => ins.ExecuteNonQuery());
        Assert.Contains("cannot be sent as DbType.Int32", e.Message, StringComparison.Ordinal);
    }
}

[Collection(ServerCollection.Name)]
public sealed class ParameterTestsOverRest(ServerFixture server) : ParameterTests(server);

[Collection(WsServerCollection.Name)]
public sealed class ParameterTestsOverWebSocket(WsServerFixture server) : ParameterTests(server);
