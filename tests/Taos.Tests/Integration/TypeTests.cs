using System.Text;

namespace Taos.Tests.Integration;

public abstract class TypeTests(ServerFixture server)
{
    private const string Columns = "ts timestamp, c_bool bool, c_tinyint tinyint, c_smallint smallint, c_int int, c_bigint bigint, c_utinyint tinyint unsigned, c_usmallint smallint unsigned, c_uint int unsigned, c_ubigint bigint unsigned, c_float float, c_double double, c_binary binary(32), c_varchar varchar(32), c_nchar nchar(32), c_varbinary varbinary(32), c_geometry geometry(64)";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_type_reads_as_its_natural_dotnet_type_including_nulls(bool async)
    {
        string db = "types_" + (async ? "a" : "s");
        server.Run($"create database if not exists {db}",
            $"create stable if not exists {db}.all_types ({Columns}) tags (t_json json)",
            $"insert into {db}.at1 using {db}.all_types tags('{{\"k1\":\"v1\",\"k2\":3}}') values('2024-01-01 00:00:00.000', true, -1, -2, -3, -4, 1, 2, 3, 4, 3.14, 2.718281828, 'binary', 'varchar', '涛思数据', '\\x0102ABCD', 'POINT(1.0 2.0)') ('2024-01-01 00:00:01.000', false, 127, 32767, 2147483647, 9223372036854775807, 255, 65535, 4294967295, 18446744073709551615, -3.4e38, 1.7e308, 'b\"q', 'v''q', 'nchar ñ', 'hex', 'LINESTRING(1 1, 2 2)') ('2024-01-01 00:00:02.000', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "select * from all_types order by ts";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();

        Assert.True(async ? await r.ReadAsync() : r.Read());
        object[] v = new object[r.FieldCount];
        r.GetValues(v);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), v[0]);
        Assert.Equal(true, v[1]);
        Assert.Equal((sbyte)-1, v[2]);
        Assert.Equal((short)-2, v[3]);
        Assert.Equal(-3, v[4]);
        Assert.Equal(-4L, v[5]);
        Assert.Equal((byte)1, v[6]);
        Assert.Equal((ushort)2, v[7]);
        Assert.Equal(3u, v[8]);
        Assert.Equal(4ul, v[9]);
        Assert.Equal(3.14f, v[10]);
        Assert.Equal(2.718281828, v[11]);
        Assert.Equal("binary", v[12]);
        Assert.Equal("varchar", v[13]);
        Assert.Equal("涛思数据", v[14]);
        Assert.Equal(new byte[] { 1, 2, 0xab, 0xcd }, v[15]);
        Assert.Equal(Convert.FromHexString("0101000000000000000000f03f0000000000000040"), v[16]);
        Assert.Equal("{\"k1\":\"v1\",\"k2\":3}", ((string)v[17]).Replace(" ", ""));

        Assert.True(async ? await r.ReadAsync() : r.Read());
        Assert.False(r.GetBoolean(1));
        Assert.Equal(sbyte.MaxValue, r.GetSByte(2));
        Assert.Equal(short.MaxValue, r.GetInt16(3));
        Assert.Equal(int.MaxValue, r.GetInt32(4));
        Assert.Equal(long.MaxValue, r.GetInt64(5));
        Assert.Equal(byte.MaxValue, r.GetByte(6));
        Assert.Equal(ushort.MaxValue, r.GetUInt16(7));
        Assert.Equal(uint.MaxValue, r.GetUInt32(8));
        Assert.Equal(ulong.MaxValue, r.GetUInt64(9));
        Assert.Equal(-3.4e38f, r.GetFloat(10));
        Assert.Equal(1.7e308, r.GetDouble(11));
        Assert.Equal("b\"q", r.GetString(12));
        Assert.Equal("v'q", r.GetString(13));
        Assert.Equal("nchar ñ", r.GetString(14));
        Assert.Equal(Encoding.ASCII.GetBytes("hex"), r.GetFieldValue<byte[]>(15));

        Assert.True(async ? await r.ReadAsync() : r.Read());
        for (int i = 1; i <= 16; i++)
        {
            Assert.True(r.IsDBNull(i), r.GetName(i));
            Assert.Same(DBNull.Value, r.GetValue(i));
        }
        Assert.Null(r.GetFieldValue<long?>(5));
        Assert.False(async ? await r.ReadAsync() : r.Read());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Nanosecond_timestamps_are_exact(bool async)
    {
        server.Run("create database if not exists tns precision 'ns'", "create table if not exists tns.t (ts timestamp, v int)",
            "insert into tns.t values (1704067200123456789, 1) (1704067200123456700, 2)");
        using var c = new TaosConnection(server.ConnectionString("tns"));
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v from t order by ts";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.Equal(typeof(TaosTimestamp), r.GetFieldType(0));
        Assert.True(r.Read());
        // ascending: ...700 first
        Assert.Equal(new TaosTimestamp(1704067200123456700, TaosPrecision.Nanoseconds), r.GetValue(0));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567), r.GetDateTime(0));
        Assert.True(r.Read());
        var ts = r.GetFieldValue<TaosTimestamp>(0);
        Assert.Equal(1704067200123456789, ts.EpochTicks);
        Assert.Equal(TaosPrecision.Nanoseconds, ts.Precision);
        Assert.Throws<InvalidCastException>(() => r.GetDateTime(0));
        // One command at a time on a connection (ADO.NET): the reader is closed before the next runs.
        r.Close();

        // Bound back as a parameter, the exact value finds the row.
        var q = c.CreateCommand();
        q.CommandText = "select v from t where ts = @ts";
        q.Parameters.AddWithValue("ts", ts);
        Assert.Equal(1, q.ExecuteScalar());
    }

    [Fact]
    public void Microsecond_timestamps_fit_DateTime()
    {
        server.Run("create database if not exists tus precision 'us'", "create table if not exists tus.t (ts timestamp, v int)",
            "insert into tus.t values (1704067200123456, 1)");
        using var c = new TaosConnection(server.ConnectionString("tus"));
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "select ts from t";
        var value = cmd.ExecuteScalar();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234560), value);
    }

    [Fact]
    public void Timezone_connection_gets_wall_clock_time()
    {
        server.Run("create database if not exists ttz", "create table if not exists ttz.t (ts timestamp, v int)",
            "insert into ttz.t values ('2024-01-01T00:00:00Z', 1)");
        using var c = new TaosConnection(server.ConnectionString("ttz", "Timezone=Asia/Shanghai"));
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = "select ts from t";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified), r.GetDateTime(0));
        Assert.Equal(DateTimeKind.Unspecified, r.GetDateTime(0).Kind);
        Assert.Equal(TimeSpan.FromHours(8), r.GetDateTimeOffset(0).Offset);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), r.GetDateTimeOffset(0));
    }
}

[Collection(ServerCollection.Name)]
public sealed class TypeTestsOverRest(ServerFixture server) : TypeTests(server);

[Collection(WsServerCollection.Name)]
public sealed class TypeTestsOverWebSocket(WsServerFixture server) : TypeTests(server);
