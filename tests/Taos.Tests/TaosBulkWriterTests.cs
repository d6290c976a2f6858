using System.Data;
using System.Text;
using Taos.Tests.Integration;
using Taos.Transport.WebSocket;

namespace Taos.Tests;

[Collection(WsServerCollection.Name)]
public class TaosBulkWriterTests(WsServerFixture server)
{
    private const string AllColumns = "ts timestamp, c_bool bool, c_tinyint tinyint, c_smallint smallint, c_int int, c_bigint bigint, "
        + "c_utinyint tinyint unsigned, c_usmallint smallint unsigned, c_uint int unsigned, c_ubigint bigint unsigned, c_float float, "
        + "c_double double, c_varchar varchar(16), c_nchar nchar(8), c_varbinary varbinary(8), c_geometry geometry(64)";

    private static readonly byte[] Point = Convert.FromHexString("0101000000000000000000f03f0000000000000040");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_type_with_nulls_and_exact_nanoseconds_round_trips_through_a_super_table(bool async)
    {
        string db = "bw_types_" + (async ? "a" : "s");
        server.Run($"create database if not exists {db} precision 'ns'",
            $"create stable if not exists {db}.st ({AllColumns}) tags (t_int int, t_name nchar(8))",
            $"create stable if not exists {db}.sj (ts timestamp, v int) tags (t_json json)");
        using var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        var ts = new TaosTimestamp(1704067200123456789, TaosPrecision.Nanoseconds);
        await using (var writer = async ? await TaosBulkWriter.ForSuperTableAsync(c, "st", batchSize: 2) : TaosBulkWriter.ForSuperTable(c, "st", 2))
        {
            Assert.Equal(["t_int", "t_name"], writer.TagNames);
            if (async) await writer.UseTableAsync("d1", [7, "ñame"]);
            else writer.UseTable("d1", 7, "ñame");
            Assert.Equal(16, writer.ColumnNames.Count);
            writer.Append(ts).Append(true).Append((sbyte)-1).Append((short)-2).Append(-3).Append(-4L)
                .Append((byte)1).Append((ushort)2).Append(3u).Append(ulong.MaxValue).Append(3.14f).Append(2.718281828)
                .Append("varchar").Append("涛思数据").Append(new byte[] { 1, 2, 0xab }).Append(Point);
            await EndRow(writer, async);
            writer.Append(ts.EpochTicks + 1);
            for (int i = 1; i < 16; i++) writer.AppendNull();
            await EndRow(writer, async);
            writer.AddRow(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), false, sbyte.MinValue, short.MinValue, int.MinValue, long.MinValue,
                byte.MaxValue, ushort.MaxValue, uint.MaxValue, 0UL, -1.5f, -2.5, "", "x", Array.Empty<byte>(), Point);
            long written = async ? await writer.CompleteAsync() : writer.Complete();
            Assert.Equal(3, written);
        }
        await using (var json = async ? await TaosBulkWriter.ForSuperTableAsync(c, "sj") : TaosBulkWriter.ForSuperTable(c, "sj"))
        {
            json.UseTable("j1", "{\"k\":1}");
            json.Append(ts).Append(1).EndRow();
            json.UseTable("j2", [null]);
            json.Append(ts).AppendNull().EndRow();
        }
        var cmd = c.CreateCommand();
        cmd.CommandText = "select tbname, t_json, v from sj order by tbname";
        using (var j = cmd.ExecuteReader())
        {
            Assert.True(j.Read());
            Assert.Equal("{\"k\":1}", j.GetString(1));
            Assert.Equal(1, j.GetInt32(2));
            Assert.True(j.Read());
            Assert.True(j.IsDBNull(1));
            Assert.True(j.IsDBNull(2));
        }
        cmd.CommandText = "select *, tbname, t_int, t_name from st order by ts";
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(ts, r.GetFieldValue<TaosTimestamp>(0));
        object[] v = new object[r.FieldCount];
        r.GetValues(v);
        Assert.Equal([true, (sbyte)-1, (short)-2, -3, -4L, (byte)1, (ushort)2, 3u, ulong.MaxValue, 3.14f, 2.718281828, "varchar", "涛思数据"], v[1..14]);
        Assert.Equal(new byte[] { 1, 2, 0xab }, v[14]);
        Assert.Equal(Point, v[15]);
        Assert.Equal(["d1", 7, "ñame"], v[^3..]);
        Assert.True(r.Read());
        Assert.Equal(ts.EpochTicks + 1, r.GetFieldValue<TaosTimestamp>(0).EpochTicks);
        for (int i = 1; i < 16; i++) Assert.True(r.IsDBNull(i), r.GetName(i));
        Assert.True(r.Read());
        Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), r.GetFieldValue<TaosTimestamp>(0).ToDateTime());
        Assert.Equal(long.MinValue, r.GetInt64(5));
        Assert.Equal("", r.GetString(12));
        Assert.False(r.Read());
    }

    [Fact]
    public async Task A_million_rows_into_ten_child_tables_read_back_exactly()
    {
        server.Run("create database if not exists bw_million", "create stable if not exists bw_million.m (ts timestamp, v bigint, f double, s varchar(12)) tags (g int)");
        using var c = new TaosConnection(server.ConnectionString("bw_million"));
        await c.OpenAsync();
        const int tables = 10, perTable = 100_000;
        const long start = 1_700_000_000_000;
        await using (var writer = await TaosBulkWriter.ForSuperTableAsync(c, "m", batchSize: 10_000))
        {
            for (int t = 0; t < tables; t++)
            {
                await writer.UseTableAsync("m" + t, [t]);
                for (int i = 0; i < perTable; i++)
                {
                    writer.Append(start + i).Append(((long)t * perTable) + i).Append(i * 0.5);
                    if (i % 1000 == 0) writer.AppendNull(); else writer.Append("s" + (i % 100));
                    await writer.EndRowAsync();
                }
            }
            Assert.Equal((long)tables * perTable, await writer.CompleteAsync());
        }
        var cmd = c.CreateCommand();
        cmd.CommandText = "select tbname, count(*), count(s), sum(v), first(v), last(v), sum(f) from m partition by tbname order by tbname";
        using (var r = await cmd.ExecuteReaderAsync())
        {
            for (int t = 0; t < tables; t++)
            {
                Assert.True(await r.ReadAsync());
                long first = (long)t * perTable;
                Assert.Equal("m" + t, r.GetString(0));
                Assert.Equal(perTable, r.GetInt64(1));
                Assert.Equal(perTable - (perTable / 1000), r.GetInt64(2));
                Assert.Equal((first * perTable) + ((long)perTable * (perTable - 1) / 2), r.GetInt64(3));
                Assert.Equal(first, r.GetInt64(4));
                Assert.Equal(first + perTable - 1, r.GetInt64(5));
                Assert.Equal(0.5 * perTable * (perTable - 1) / 2, r.GetDouble(6));
            }
            Assert.False(await r.ReadAsync());
        }
        cmd.CommandText = $"select v, f, s from m7 where ts = {start + 12_345}";
        using var spot = await cmd.ExecuteReaderAsync();
        Assert.True(await spot.ReadAsync());
        Assert.Equal(712_345L, spot.GetInt64(0));
        Assert.Equal(12_345 * 0.5, spot.GetDouble(1));
        Assert.Equal("s45", spot.GetString(2));
    }

    [Fact]
    public async Task A_table_writer_takes_a_DataTable_a_reader_and_rows()
    {
        server.Run("create database if not exists bw_sources", "create table if not exists bw_sources.t (ts timestamp, v int, s nchar(4))");
        using var c = new TaosConnection(server.ConnectionString("bw_sources"));
        c.Open();
        var table = new DataTable();
        table.Columns.Add("ts", typeof(DateTime));
        table.Columns.Add("v", typeof(int));
        table.Columns.Add("s", typeof(string));
        table.Rows.Add(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, "a");
        table.Rows.Add(new DateTime(2024, 1, 1, 0, 0, 1, DateTimeKind.Utc), DBNull.Value, null);
        using (var writer = TaosBulkWriter.ForTable(c, "t"))
        {
            Assert.False(writer.IsSuperTable);
            Assert.Equal(2, writer.WriteToServer(table));
            Assert.Equal(2, writer.PendingRows);
            writer.Flush();
            Assert.Equal(2, writer.RowsWritten);
            Assert.Equal(1, await writer.WriteToServerAsync([[1704067202000L, 3, "c"]], CancellationToken.None));
        }
        Assert.Equal(3L, Scalar(c, "select count(*) from t"));
        Assert.Equal(4L, Scalar(c, "select sum(v) from t"));
        Assert.Equal(1L, Scalar(c, "select count(*) from t where s is null"));
    }

    [Fact]
    public void A_bad_value_names_its_column_and_row_and_drops_only_that_row()
    {
        server.Run("create database if not exists bw_bad", "create table if not exists bw_bad.t (ts timestamp, v tinyint, s varchar(3))");
        using var c = new TaosConnection(server.ConnectionString("bw_bad"));
        c.Open();
        using (var writer = TaosBulkWriter.ForTable(c, "t"))
        {
            writer.Append(1704067200000L).Append(1).Append("ok");
            writer.EndRow();
            writer.Append(1704067201000L);
            var overflow = Assert.Throws<TaosException>(() => writer.Append(300));
            Assert.Contains("row 2", overflow.Message);
            Assert.Contains("'v'", overflow.Message);
            Assert.Contains("TINYINT", overflow.Message);
            var tooLong = Assert.Throws<TaosException>(() => writer.Append(1704067201000L).Append(2).Append("long"));
            Assert.Contains("'s'", tooLong.Message);
            var wrongType = Assert.Throws<TaosException>(() => writer.Append(1704067201000L).Append("two"));
            Assert.Contains("'v'", wrongType.Message);
            var shortRow = Assert.Throws<TaosException>(() => writer.Append(1704067201000L).EndRow());
            Assert.Contains("1 of its 3 values", shortRow.Message);
            writer.Append(1704067202000L).AppendNull().Append("end");
            writer.EndRow();
            Assert.Equal(2, writer.Complete());
        }
        Assert.Equal(2L, Scalar(c, "select count(*) from t"));
    }

    [Fact]
    public void A_batch_the_server_refuses_throws_its_error_and_the_writer_and_connection_go_on()
    {
        server.Run("create database if not exists bw_refused", "create stable if not exists bw_refused.st (ts timestamp, v int) tags (g int)");
        using var c = new TaosConnection(server.ConnectionString("bw_refused"));
        c.Open();
        using var writer = TaosBulkWriter.ForSuperTable(c, "st");
        Assert.Throws<InvalidOperationException>(() => writer.Append(1L));
        writer.UseTable("ok1", 1);
        writer.Append(1704067200000L).Append(1).EndRow();
        // A NULL primary timestamp: the server refuses the whole batch.
        writer.AppendNull().Append(2).EndRow();
        var refused = Assert.Throws<TaosException>(() => writer.Flush());
        Assert.NotEqual(TaosException.ClientErrorCode, refused.ErrorCode);
        Assert.Contains("batch of 2 rows", refused.Message);
        Assert.Equal(0, writer.PendingRows);
        writer.Append(1704067201000L).Append(3).EndRow();
        Assert.Equal(1, writer.Complete());
        Assert.Equal(1L, Scalar(c, "select count(*) from st"));
    }

    [Fact]
    public void Unknown_tables_fail_with_the_servers_error_and_REST_has_no_bulk_writer()
    {
        server.Run("create database if not exists bw_unknown");
        using var c = new TaosConnection(server.ConnectionString("bw_unknown"));
        c.Open();
        var e = Assert.Throws<TaosException>(() => TaosBulkWriter.ForTable(c, "no_such_table"));
        Assert.NotEqual(TaosException.ClientErrorCode, e.ErrorCode);
        Assert.Equal(1L, Scalar(c, "select count(*) from information_schema.ins_databases where name = 'bw_unknown'"));

        using var rest = new TaosConnection(server.ConnectionString("bw_unknown").Replace("ws://", "http://", StringComparison.Ordinal));
        rest.Open();
        var noStmt = Assert.Throws<TaosException>(() => TaosBulkWriter.ForTable(rest, "t"));
        Assert.Contains("WebSocket", noStmt.Message);
    }

    [Fact]
    public void A_writer_left_open_has_its_statement_closed_when_the_connection_returns_to_the_pool()
    {
        server.Run("create database if not exists bw_pool", "create table if not exists bw_pool.t (ts timestamp, v int)");
        using var source = TaosDataSource.Create(server.ConnectionString("bw_pool", "MaxPoolSize=1"));
        WsSession session;
        using (var c = source.OpenConnection())
        {
            var writer = TaosBulkWriter.ForTable(c, "t");
            session = (WsSession)c.Session;
            Assert.Equal(1, session.Statements.Count);
            writer.Append(1704067200000L).Append(1).EndRow();
        }
        Assert.Equal(0, session.Statements.Count);
        using var again = source.OpenConnection();
        Assert.Same(session, again.Session);
        Assert.Equal(0L, Scalar(again, "select count(*) from t"));
        using var writer2 = TaosBulkWriter.ForTable(again, "t");
        writer2.Append(1704067200000L).Append(1).EndRow();
        Assert.Equal(1, writer2.Complete());
    }

    [Fact]
    public void Rows_buffered_when_the_connection_closes_are_reported_not_lost_silently()
    {
        server.Run("create database if not exists bw_closed", "create table if not exists bw_closed.t (ts timestamp, v int)");
        var c = new TaosConnection(server.ConnectionString("bw_closed"));
        c.Open();
        var writer = TaosBulkWriter.ForTable(c, "t");
        writer.Append(1704067200000L).Append(1).EndRow();
        c.Close();
        var e = Assert.Throws<TaosException>(() => writer.Complete());
        Assert.Contains("batch of 1 rows", e.Message);
        c.Open();
        Assert.Equal(0L, Scalar(c, "select count(*) from t"));
        c.Dispose();
    }

    [Fact]
    public async Task A_cancelled_batch_closes_the_statement_so_that_no_later_exec_writes_it()
    {
        server.Run("create database if not exists bw_cancel", "create table if not exists bw_cancel.t (ts timestamp, v int)");
        using var c = new TaosConnection(server.ConnectionString("bw_cancel"));
        await c.OpenAsync();
        await using var writer = await TaosBulkWriter.ForTableAsync(c, "t");
        writer.Append(1704067200000L).Append(1);
        await writer.EndRowAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.FlushAsync(new CancellationToken(true)));
        writer.Append(1704067201000L).Append(2);
        await writer.EndRowAsync();
        var e = await Assert.ThrowsAsync<TaosException>(() => writer.FlushAsync());
        Assert.Contains("was not sent", e.Message);
        Assert.Equal(0L, Scalar(c, "select count(*) from t"));
    }

    [Fact]
    public void Text_goes_straight_into_its_column_and_a_writer_reused_across_flushes_writes_every_row_exactly()
    {
        server.Run("create database if not exists bw_text",
            "create table if not exists bw_text.t (ts timestamp, s varchar(12), n nchar(4), b varbinary(4), i int)");
        using var c = new TaosConnection(server.ConnectionString("bw_text"));
        c.Open();
        string?[] varchars = ["涛思数据", "é😀", "", null, "abc", "\uD800x"];
        string?[] nchars = ["😀😀ab", "ñ", null, "\uDC00", "数据"];
        using (var writer = TaosBulkWriter.ForTable(c, "t", batchSize: 3))
        {
            for (int row = 0; row < 10; row++)
            {
                if (row % 2 == 0) writer.Append($"2024-01-01T00:00:{row:00}.000Z");
                else writer.Append(1704067200000L + (row * 1000L));
                writer.Append(varchars[row % varchars.Length]).Append(nchars[row % nchars.Length]);
                if (row % 4 == 3) writer.AppendNull();
                else writer.Append([(byte)row, 0xff]);
                writer.Append(row).EndRow();
                if (row == 4)
                {
                    var tooLong = Assert.Throws<TaosException>(() => writer.Append(1704067300000L).Append("涛思数据涛"));
                    Assert.Contains("'s'", tooLong.Message);
                    Assert.Contains("takes 15 bytes, more than the 12", tooLong.Message);
                    var tooManyChars = Assert.Throws<TaosException>(() => writer.Append(1704067300000L).Append("").Append("abcde"));
                    Assert.Contains("takes 20 bytes, more than the 16", tooManyChars.Message);
                    var notText = Assert.Throws<TaosException>(() => writer.Append(1704067300000L).Append("").Append("").Append([]).Append("7"));
                    Assert.Contains("a String is not a value of a INT column", notText.Message);
                    var notTime = Assert.Throws<TaosException>(() => writer.Append("yesterday"));
                    Assert.Contains("'ts'", notTime.Message);
                    Assert.IsType<FormatException>(notTime.InnerException);
                }
            }
            Assert.Equal(1, writer.PendingRows);
            Assert.Equal(9, writer.RowsWritten);
            Assert.Equal(10, writer.Complete());
        }
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, s, n, b, i from t order by ts";
        using var r = cmd.ExecuteReader();
        for (int row = 0; row < 10; row++)
        {
            Assert.True(r.Read());
            Assert.Equal(1704067200000L + (row * 1000L), r.GetFieldValue<TaosTimestamp>(0).EpochTicks);
            Assert.Equal(Stored(varchars[row % varchars.Length]), r.IsDBNull(1) ? null : r.GetString(1));
            Assert.Equal(Stored(nchars[row % nchars.Length]), r.IsDBNull(2) ? null : r.GetString(2));
            Assert.Equal(row % 4 == 3 ? null : new byte[] { (byte)row, 0xff }, r.IsDBNull(3) ? null : r.GetValue(3));
            Assert.Equal(row, r.GetInt32(4));
        }
        Assert.False(r.Read());
    }

    // Text as stored: a lone surrogate becomes U+FFFD.
    private static string? Stored(string? text) => text is null ? null : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static async ValueTask EndRow(TaosBulkWriter writer, bool async)
    {
        if (async) await writer.EndRowAsync();
        else writer.EndRow();
    }

    private static object? Scalar(TaosConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
