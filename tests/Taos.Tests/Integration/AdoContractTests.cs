using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Taos.Tests.Integration;

/// <summary>ADO.NET contract details as a .NET developer (and Dapper, DataTable, DbProviderFactories) relies on them.</summary>
public abstract class AdoContractTests(ServerFixture server)
{
    private TaosConnection Setup(string db)
    {
        server.Run($"create database if not exists {db} precision 'ns'",
            $"create table if not exists {db}.t (ts timestamp, b bool, ti tinyint, si smallint, i int, bi bigint, uti tinyint unsigned, usi smallint unsigned, ui int unsigned, ubi bigint unsigned, f float, d double, s varchar(20), n nchar(20), vb varbinary(20))",
            $"insert into {db}.t values ('2024-01-01T00:00:00.123456789Z', true, -1, -2, -3, -4, 1, 2, 3, 18446744073709551615, 1.5, 2.5, 'Iıİi', 'ñ', '\\x0102') ('2024-01-01T00:00:01Z', null, null, null, null, null, null, null, null, null, null, null, null, null, null)");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    [Fact]
    public void Dispose_closes_the_connection()
    {
        var c = new TaosConnection(server.ConnectionString());
        c.Open();
        int events = 0;
        c.StateChange += (_, _) => events++;
        c.Dispose();
        Assert.Equal(ConnectionState.Closed, c.State);
        Assert.Equal(1, events);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select server_version()";
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
    }

    [Fact]
    public async Task DisposeAsync_closes_the_connection()
    {
        var c = new TaosConnection(server.ConnectionString());
        await c.OpenAsync();
        await c.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, c.State);
    }

    [Fact]
    public void SchemaOnly_reader_has_columns_but_no_rows()
    {
        using var c = Setup("p03");
        using var cmd = new TaosCommand("select ts, i from t", c);
        using var r = cmd.ExecuteReader(CommandBehavior.SchemaOnly);
        Assert.Equal(2, r.FieldCount);
        Assert.Equal("i", r.GetName(1));
        Assert.False(r.Read());
    }

    [Fact]
    public void SingleRow_reader_stops_after_one_row()
    {
        using var c = Setup("p04");
        using var cmd = new TaosCommand("select ts from t", c);
        using var r = cmd.ExecuteReader(CommandBehavior.SingleRow);
        Assert.True(r.Read());
        Assert.False(r.Read());
    }

    [Fact]
    public void NextResult_ends_the_result()
    {
        using var c = Setup("p05");
        using var cmd = new TaosCommand("select ts from t", c);
        using var r = cmd.ExecuteReader();
        Assert.False(r.NextResult());
        Assert.False(r.Read());
    }

    [Fact]
    public void Parameter_DbType_is_inferred_from_value()
    {
        Assert.Equal(DbType.Int32, new TaosParameter("a", 1).DbType);
        Assert.Equal(DbType.String, new TaosParameter("a", "x").DbType);
        Assert.Equal(DbType.UInt64, new TaosParameter("a", 1ul).DbType);
        Assert.Equal(DbType.Binary, new TaosParameter("a", new byte[1]).DbType);
        Assert.Equal(DbType.DateTime, new TaosParameter("a", DateTime.UtcNow).DbType);
        Assert.Equal(DbType.DateTimeOffset, new TaosParameter("a", DateTimeOffset.UtcNow).DbType);
        Assert.Equal(DbType.Boolean, new TaosParameter("a", true).DbType);
        Assert.Equal(DbType.Double, new TaosParameter("a", 1.0).DbType);
        var p = new TaosParameter { Value = 5L };
        Assert.Equal(DbType.Int64, p.DbType);
        p.DbType = DbType.String;
        Assert.Equal(DbType.String, p.DbType);
        p.ResetDbType();
        Assert.Equal(DbType.Int64, p.DbType);
    }

    public sealed class Row
    {
        public TaosTimestamp Ts { get; set; }
        public bool? B { get; set; }
        public sbyte? Ti { get; set; }
        public short? Si { get; set; }
        public int? I { get; set; }
        public long? Bi { get; set; }
        public byte? Uti { get; set; }
        public ushort? Usi { get; set; }
        public uint? Ui { get; set; }
        public ulong? Ubi { get; set; }
        public float? F { get; set; }
        public double? D { get; set; }
        public string? S { get; set; }
        public string? N { get; set; }
        public byte[]? Vb { get; set; }
    }

    [Fact]
    public void Dapper_maps_every_type_including_ns_TaosTimestamp_and_unsigned()
    {
        using var c = Setup("p07");
        var rows = c.Query<Row>("select * from t order by ts").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(1_704_067_200_123_456_789L, rows[0].Ts.EpochTicks);
        Assert.Equal(ulong.MaxValue, rows[0].Ubi);
        Assert.Equal((byte)1, rows[0].Uti);
        Assert.Equal("Iıİi", rows[0].S);
        Assert.Equal(new byte[] { 1, 2 }, rows[0].Vb);
        Assert.Null(rows[1].Ubi);
        Assert.Null(rows[1].Vb);
    }

    public sealed class MsRow
    {
        public TaosTimestamp Ts { get; set; }
        public DateTime Ts2 { get; set; }
    }

    [Fact]
    public void Dapper_maps_ms_timestamp_to_TaosTimestamp()
    {
        server.Run("create database if not exists p08", "create table if not exists p08.t (ts timestamp, v int)", "insert into p08.t values ('2024-01-01T00:00:00.5Z', 1)");
        using var c = new TaosConnection(server.ConnectionString("p08"));
        c.Open();
        var row = c.Query<MsRow>("select ts, ts as ts2 from t").Single();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc), row.Ts2);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc), row.Ts.ToDateTime());
    }

    public sealed class NsRow
    {
        public DateTime Ts { get; set; }
    }

    [Fact]
    public void Dapper_maps_ns_column_of_100ns_multiples_to_DateTime()
    {
        server.Run("create database if not exists p09 precision 'ns'", "create table if not exists p09.t (ts timestamp, v int)", "insert into p09.t values ('2024-01-01T00:00:00.1234567Z', 1)");
        using var c = new TaosConnection(server.ConnectionString("p09"));
        c.Open();
        var row = c.Query<NsRow>("select ts from t").Single();
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567), row.Ts);
    }

    [Fact]
    public void Dapper_parameters_of_every_type_and_list_expansion()
    {
        using var c = Setup("p10");
        c.Execute("create table if not exists p (ts timestamp, b bool, ti tinyint, ubi bigint unsigned, f float, d double, s varchar(40), vb varbinary(20))");
        var ts = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        c.Execute("insert into p values (@ts, @b, @ti, @ubi, @f, @d, @s, @vb)",
            new { ts, b = (bool?)true, ti = (sbyte)-5, ubi = ulong.MaxValue, f = 1.25f, d = 2.5m, s = Guid.Empty, vb = new byte[] { 9 } });
        c.Execute("insert into p values (@ts, @b, @ti, @ubi, @f, @d, @s, @vb)",
            new { ts = new DateTimeOffset(ts.AddSeconds(1)), b = (bool?)null, ti = (sbyte?)null, ubi = (ulong?)null, f = (float?)null, d = (double?)null, s = 'c', vb = (byte[]?)null });
        var ids = c.Query<sbyte>("select ti from p where ti in @v", new { v = new[] { (sbyte)-5, (sbyte)7 } }).ToList();
        Assert.Equal([(sbyte)-5], ids);
        Assert.Equal(2, c.ExecuteScalar<long>("select count(*) from p where ts in @t", new { t = new[] { ts, ts.AddSeconds(1) } }));
        Assert.Equal("c", c.ExecuteScalar<string>("select s from p where b is null"));
        Assert.Equal(ulong.MaxValue, c.ExecuteScalar<ulong>("select ubi from p where ubi = @u", new { u = ulong.MaxValue }));
    }

    [Fact]
    public void DataTable_and_DataSet_load_every_type()
    {
        using var c = Setup("p11");
        using var cmd = new TaosCommand("select * from t order by ts", c);
        var table = new DataTable();
        using (var r = cmd.ExecuteReader()) table.Load(r);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(typeof(TaosTimestamp), table.Columns["ts"]!.DataType);
        Assert.Equal(typeof(ulong), table.Columns["ubi"]!.DataType);
        Assert.Equal(ulong.MaxValue, table.Rows[0]["ubi"]);
        Assert.Equal(DBNull.Value, table.Rows[1]["vb"]);
        var set = new DataSet();
        using (var r = cmd.ExecuteReader()) set.Load(r, LoadOption.OverwriteChanges, "t");
        Assert.Equal(2, set.Tables["t"]!.Rows.Count);
    }

    [Fact]
    public void reader_value_access_contract()
    {
        using var c = Setup("p12");
        using var cmd = new TaosCommand("select * from t order by ts", c);
        using var r = cmd.ExecuteReader();
        Assert.True(r.HasRows);
        Assert.Equal(-1, r.RecordsAffected);
        Assert.Equal(4, r.GetOrdinal("I"));
        Assert.Equal(12, r.GetOrdinal("S"));
        Assert.True(r.Read());
        var vals = new object[20];
        Assert.Equal(15, r.GetValues(vals));
        Assert.Equal((sbyte)-1, r.GetFieldValue<sbyte?>(2));
        Assert.Equal(ulong.MaxValue, r.GetFieldValue<ulong?>(9));
        Assert.Equal(1.5f, r.GetFieldValue<float?>(10));
        // ADO.NET specification: a DOUBLE does not read as decimal (GetDecimal_throws_for_*_Double).
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<decimal>(11));
        Assert.Equal('ñ', r.GetFieldValue<char>(13));
        Assert.Equal(new byte[] { 1, 2 }, r.GetFieldValue<byte[]>(14));
        var buf = new byte[1];
        Assert.Equal(2, r.GetBytes(14, 0, null, 0, 0));
        Assert.Equal(1, r.GetBytes(14, 0, buf, 0, 1));
        Assert.Equal(1, r.GetBytes(14, 1, buf, 0, 1));
        Assert.Equal(0, r.GetBytes(14, 2, buf, 0, 1));
        Assert.Equal(0, r.GetBytes(14, 5, buf, 0, 1));
        var cbuf = new char[3];
        Assert.Equal(3, r.GetChars(12, 0, cbuf, 0, 3));
        Assert.Equal(1, r.GetChars(12, 3, cbuf, 0, 3));
        Assert.Equal(0, r.GetChars(12, 9, cbuf, 0, 3));
        using (var stream = r.GetStream(14)) Assert.Equal(2, stream.ReadByte() is 1 ? 2 : 0);
        Assert.Equal("Iıİi", r.GetTextReader(12).ReadToEnd());
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(4));
        Assert.Null(r.GetFieldValue<int?>(4));
        // ADO.NET specification: GetFieldValue<string> of NULL throws (only nullable value types read NULL as null).
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string?>(12));
        Assert.Throws<InvalidCastException>(() => r.GetInt32(4));
        Assert.False(r.Read());
        Assert.False(r.Read());
        Assert.Throws<InvalidOperationException>(() => r.GetValue(0));
    }

    [Fact]
    public void empty_result_and_insert_counts()
    {
        using var c = Setup("p13");
        using var cmd = new TaosCommand("select * from t where i = 12345", c);
        using (var r = cmd.ExecuteReader())
        {
            Assert.False(r.HasRows);
            Assert.Equal(15, r.FieldCount);
            Assert.False(r.Read());
        }
        cmd.CommandText = "insert into t (ts, i) values ('2025-01-01T00:00:00Z', 1) ('2025-01-01T00:00:01Z', 2)";
        Assert.Equal(2, cmd.ExecuteNonQuery());
        cmd.CommandText = "select * from t";
        Assert.Equal(-1, cmd.ExecuteNonQuery());
    }

    [Fact]
    public void schema_table_and_column_schema()
    {
        using var c = Setup("p14");
        using var cmd = new TaosCommand("select * from t", c);
        using var r = cmd.ExecuteReader(CommandBehavior.KeyInfo);
        var st = r.GetSchemaTable()!;
        Assert.Equal(15, st.Rows.Count);
        Assert.Equal("ubi", st.Rows[9][SchemaTableColumn.ColumnName]);
        Assert.Equal(typeof(ulong), st.Rows[9][SchemaTableColumn.DataType]);
        var cols = r.GetColumnSchema();
        Assert.Equal(typeof(string), cols[12].DataType);
        Assert.Equal(20, cols[12].ColumnSize);
        Assert.Equal("VARCHAR", cols[12].DataTypeName);
    }

    [Fact]
    public void provider_factories_and_data_source()
    {
        DbProviderFactories.RegisterFactory("Taos", TaosFactory.Instance);
        var f = DbProviderFactories.GetFactory("Taos");
        using var c = f.CreateConnection()!;
        c.ConnectionString = server.ConnectionString();
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select 1";
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
        var p = cmd.CreateParameter();
        Assert.IsType<TaosParameter>(p);
        var csb = f.CreateConnectionStringBuilder()!;
        csb.ConnectionString = server.ConnectionString();
        Assert.True(csb.ContainsKey("url"));
        using DbDataSource ds = f.CreateDataSource(server.ConnectionString());
        using var cmd2 = ds.CreateCommand("select 2");
        Assert.Equal(2L, Convert.ToInt64(cmd2.ExecuteScalar(), CultureInfo.InvariantCulture));
        using var oc = ds.OpenConnection();
        Assert.Equal(ConnectionState.Open, oc.State);
    }

    [Fact]
    public async Task data_source_is_thread_safe()
    {
        server.Run("create database if not exists p16", "create table if not exists p16.t (ts timestamp, v int)");
        await using var ds = TaosDataSource.Create(server.ConnectionString("p16"));
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await Parallel.ForAsync(0, 64, async (i, ct) =>
        {
            await using var cmd = ds.CreateCommand("insert into t values (@ts, @v)");
            cmd.Parameters.AddWithValue("ts", start.AddMilliseconds(i));
            cmd.Parameters.AddWithValue("v", i);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync(ct));
            await using var conn = await ds.OpenConnectionAsync(ct);
            await using var q = conn.CreateCommand();
            q.CommandText = "select v from t where ts = @ts";
            q.Parameters.AddWithValue("ts", start.AddMilliseconds(i));
            Assert.Equal(i, await q.ExecuteScalarAsync(ct));
        });
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void culture_does_not_change_literals_or_keywords(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        var savedUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var b = new TaosConnectionStringBuilder("URL=http://h:1;USESSL=TRUE;TIMEOUT=5;USERID=x;TIMEZONE=UTC");
            Assert.Equal(5, b.Timeout);
            Assert.Equal("x", b.Username);
            using var c = Setup("p17" + culture[..2]);
            using var cmd = new TaosCommand("select i, d, f from t where d = @D and f = @F and ts > @T and i = @I", c);
            cmd.Parameters.AddWithValue("d", 2.5);
            cmd.Parameters.AddWithValue("f", 1.5m);
            cmd.Parameters.AddWithValue("t", new DateTime(2023, 12, 31, 23, 0, 0, DateTimeKind.Utc));
            cmd.Parameters.AddWithValue("i", -3);
            using var r = cmd.ExecuteReader();
            Assert.True(r.Read());
            Assert.Equal(-3, r.GetInt32(r.GetOrdinal("I")));
            Assert.Equal(2.5, r.GetFieldValue<double>(r.GetOrdinal("D")));
            Assert.Equal(1.5f, r.GetFieldValue<float>(2));
            // ADO.NET specification: numbers do not read as strings (GetString_throws_for_*_Single/Double).
            Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string>(2));
            Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string>(1));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public void connection_state_machine()
    {
        using var c = new TaosConnection(server.ConnectionString());
        Assert.Throws<InvalidOperationException>(() => c.ServerVersion);
        c.Open();
        Assert.Throws<InvalidOperationException>(() => c.Open());
        Assert.Throws<InvalidOperationException>(() => c.ConnectionString = server.ConnectionString("x"));
        c.Close();
        c.Close();
        c.ConnectionString = server.ConnectionString("information_schema");
        Assert.Equal("information_schema", c.Database);
        c.Open();
        Assert.Equal(ConnectionState.Open, c.State);
    }

    [Fact]
    public void command_reexecution_and_parameters_after_reader()
    {
        using var c = Setup("p19");
        using var cmd = new TaosCommand("select count(*) from t where i = @i", c);
        cmd.Parameters.AddWithValue("i", -3);
        cmd.Prepare();
        Assert.Equal(1L, cmd.ExecuteScalar());
        cmd.Parameters["i"].Value = 99;
        Assert.Equal(0L, cmd.ExecuteScalar());
        using (var r = cmd.ExecuteReader(CommandBehavior.SequentialAccess))
        {
            cmd.Parameters.AddWithValue("j", 1);
            Assert.True(r.Read());
            Assert.Equal(0L, r.GetInt64(0));
        }
        Assert.Equal(0L, cmd.ExecuteScalar());
    }

    [Fact]
    public void connection_string_edge_cases()
    {
        Assert.Equal(new Uri("http://h:6041/"), new TaosConnectionStringBuilder("Url=http://h:6041/").GetBaseUri());
        Assert.Equal(new Uri("https://h:443/"), new TaosConnectionStringBuilder("Host=h;Port=443;UseSsl=true").GetBaseUri());
        var b = new TaosConnectionStringBuilder("Url=http://h:1;Password=\"a;b=c\"");
        Assert.Equal("a;b=c", b.Password);
        Assert.Equal("a;b=c", new TaosConnectionStringBuilder(b.ConnectionString).Password);
        Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://h:1;Port=x"));
        Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://h:1;Timeout=-1"));
        Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder("Url=http://h:1;Timeout=1.5"));
    }

    [Fact]
    public void url_with_path_prefix_is_kept()
    {
        using var ds = TaosDataSource.Create("Url=" + server.BaseUrl + "/;Username=root;Password=taosdata");
        // trailing slash must not give //rest/sql
        using var cmd = ds.CreateCommand("select 1");
        Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }
}

[Collection(ServerCollection.Name)]
public sealed class AdoContractTestsOverRest(ServerFixture server) : AdoContractTests(server);

[Collection(WsServerCollection.Name)]
public sealed class AdoContractTestsOverWebSocket(WsServerFixture server) : AdoContractTests(server);
