using System.Data;

namespace Taos.Tests.Integration;

/// <summary>
/// The ADO.NET specification's reader rules (AdoNet.Specification.Tests), each as its own test against the embedded
/// server: typed getters and <c>GetFieldValue&lt;T&gt;</c> read a column as its own type and lossless widenings only.
/// </summary>
public abstract class ReaderContractTests(ServerFixture server)
{
    private const string Db = "reader_contract";

    // Columns: 0 ts, 1 b bool, 2 ti tinyint, 3 si smallint, 4 i int, 5 bi bigint, 6 uti, 7 usi, 8 ui, 9 ubi (unsigned),
    // 10 f float, 11 d double, 12 s varchar, 13 vb varbinary. Row 1: small values; row 2: extremes; row 3: NULLs.
    private TaosConnection Open()
    {
        server.Run($"create database if not exists {Db}",
            $"create table if not exists {Db}.ins (ts timestamp, v int)",
            $"create table if not exists {Db}.t (ts timestamp, b bool, ti tinyint, si smallint, i int, bi bigint, uti tinyint unsigned, usi smallint unsigned, ui int unsigned, ubi bigint unsigned, f float, d double, s varchar(20), vb varbinary(20))",
            $"insert into {Db}.t values ('2024-01-01T00:00:00Z', true, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 2.5, '1', '\\x0102')" +
            " ('2024-01-01T00:00:01Z', false, -128, -32768, -2147483648, -9223372036854775808, 255, 65535, 4294967295, 18446744073709551615, 3.4e38, 1.7e308, 'ab', '\\x')" +
            " ('2024-01-01T00:00:02Z', null, null, null, null, null, null, null, null, null, null, null, null, null)");
        var c = new TaosConnection(server.ConnectionString(Db));
        c.Open();
        return c;
    }

    private TaosDataReader Row(TaosConnection c, int row)
    {
        var cmd = new TaosCommand("select * from t order by ts", c);
        var r = cmd.ExecuteReader();
        for (int i = 0; i < row; i++) Assert.True(r.Read());
        return r;
    }

    [Fact]
    public void GetBoolean_integer_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        for (int i = 2; i <= 9; i++)
        {
            Assert.Throws<InvalidCastException>(() => r.GetBoolean(i));
            Assert.Throws<InvalidCastException>(() => r.GetFieldValue<bool>(i));
        }
        Assert.True(r.GetBoolean(1));
    }

    [Fact]
    public void GetInt32_bool_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<InvalidCastException>(() => r.GetInt32(1));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<int>(1));
        Assert.Throws<InvalidCastException>(() => r.GetInt64(1));
    }

    [Fact]
    public void GetFloat_double_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<InvalidCastException>(() => r.GetFloat(11));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<float>(11));
        Assert.Equal(1.5f, r.GetFloat(10));
        Assert.Equal(1.5, r.GetDouble(10));
    }

    [Fact]
    public void GetDecimal_floating_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<InvalidCastException>(() => r.GetDecimal(10));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<decimal>(11));
        Assert.Equal(1m, r.GetDecimal(4));
        Assert.Equal(1m, r.GetFieldValue<decimal>(9));
    }

    [Fact]
    public void GetString_number_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        for (int i = 1; i <= 11; i++)
        {
            Assert.Throws<InvalidCastException>(() => r.GetString(i));
            Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string>(i));
            Assert.Throws<InvalidCastException>(() => r.GetFieldValue<char>(i));
        }
    }

    [Fact]
    public void GetFieldValue_string_column_does_not_parse_numbers()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<InvalidCastException>(() => r.GetInt32(12));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<int>(12));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<double>(12));
        Assert.Equal("1", r.GetFieldValue<string>(12));
        Assert.Equal('1', r.GetFieldValue<char>(12));
    }

    [Fact]
    public void GetByte_other_integer_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<InvalidCastException>(() => r.GetByte(2));
        Assert.Throws<InvalidCastException>(() => r.GetByte(3));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<byte>(7));
        Assert.Throws<InvalidCastException>(() => r.GetSByte(6));
        Assert.Equal((byte)1, r.GetByte(6));
        Assert.Equal((sbyte)1, r.GetFieldValue<sbyte>(2));
    }

    [Fact]
    public void GetInt64_narrower_integer_column_widens()
    {
        using var c = Open();
        using var r = Row(c, 2);
        Assert.Equal(-128L, r.GetInt64(2));
        Assert.Equal(-32768, r.GetInt32(3));
        Assert.Equal(65535, r.GetFieldValue<int>(7));
        Assert.Equal(4294967295L, r.GetInt64(8));
        Assert.Equal(-2147483648.0, r.GetDouble(4));
        Assert.Equal(65535f, r.GetFloat(7));
    }

    [Fact]
    public void GetInt16_value_that_does_not_fit_throws_OverflowException()
    {
        using var c = Open();
        using var r = Row(c, 2);
        Assert.Throws<OverflowException>(() => r.GetInt16(4));
        Assert.Throws<OverflowException>(() => r.GetFieldValue<short>(5));
        Assert.Throws<OverflowException>(() => r.GetInt16(7));
        Assert.Throws<OverflowException>(() => r.GetInt32(8));
        Assert.Throws<OverflowException>(() => r.GetInt64(9));
        Assert.Throws<OverflowException>(() => r.GetUInt64(5));
    }

    [Fact]
    public void GetInt16_wider_column_value_that_fits_reads()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Equal((short)1, r.GetInt16(5));
        Assert.Equal((short)1, r.GetFieldValue<short>(9));
        Assert.Equal(1, r.GetInt32(9));
    }

    [Fact]
    public void GetFloat_int_column_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        // A float cannot hold every 32-bit integer, nor a double every 64-bit one: not lossless, not allowed.
        Assert.Throws<InvalidCastException>(() => r.GetFloat(4));
        Assert.Throws<InvalidCastException>(() => r.GetDouble(5));
    }

    [Fact]
    public void GetFieldValue_string_null_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 3);
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<string>(12));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<Stream>(13));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<TextReader>(12));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<byte[]>(13));
        Assert.Throws<InvalidCastException>(() => r.GetTextReader(12));
        Assert.Null(r.GetFieldValue<int?>(4));
        Assert.Equal(DBNull.Value, r.GetFieldValue<DBNull>(4));
        Assert.Equal(DBNull.Value, r.GetFieldValue<object>(4));
    }

    [Fact]
    public async Task GetFieldValueAsync_typed_null_throws_InvalidCastException()
    {
        using var c = Open();
        using var r = Row(c, 3);
        await Assert.ThrowsAsync<InvalidCastException>(() => r.GetFieldValueAsync<int>(4));
        await Assert.ThrowsAsync<InvalidCastException>(() => r.GetFieldValueAsync<Stream>(13));
    }

    [Fact]
    public void GetStream_binary_and_text_columns_read_their_bytes()
    {
        using var c = Open();
        using var r = Row(c, 1);
        using (var s = r.GetStream(13)) Assert.Equal(new byte[] { 1, 2 }, ReadAll(s));
        using (var s = r.GetFieldValue<Stream>(13)) Assert.Equal(new byte[] { 1, 2 }, ReadAll(s));
        using (var s = r.GetStream(12)) Assert.Equal("1"u8.ToArray(), ReadAll(s));
        using (var t = r.GetFieldValue<TextReader>(12)) Assert.Equal("1", t.ReadToEnd());
        Assert.Throws<InvalidCastException>(() => r.GetStream(4));
        Assert.Throws<InvalidCastException>(() => r.GetTextReader(13));
    }

    [Fact]
    public void GetBytes_buffer_range_outside_buffer_throws_ArgumentOutOfRangeException()
    {
        using var c = Open();
        using var r = Row(c, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetBytes(13, -1, new byte[4], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetBytes(13, 0, new byte[4], -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetBytes(13, 0, new byte[4], 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetBytes(13, 0, new byte[4], 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetChars(12, 0, new char[4], 5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.GetChars(12, 0, new char[4], 2, 3));
        Assert.Equal(0, r.GetBytes(13, 0, new byte[4], 4, 0));
        var buffer = new byte[5];
        Assert.Equal(1, r.GetBytes(13, 1, buffer, 2, 2));
        Assert.Equal(new byte[] { 0, 0, 2, 0, 0 }, buffer);
    }

    [Fact]
    public void Read_closed_reader_throws_InvalidOperationException()
    {
        using var c = Open();
        var r = Row(c, 0);
        r.Dispose();
        Assert.Throws<InvalidOperationException>(() => r.Read());
        Assert.Throws<InvalidOperationException>(() => r.NextResult());
        Assert.Throws<InvalidOperationException>(() => r.FieldCount);
        Assert.Throws<InvalidOperationException>(() => r.GetName(0));
        Assert.Throws<InvalidOperationException>(() => r.GetFieldType(0));
        Assert.Throws<InvalidOperationException>(() => r.GetDataTypeName(0));
        Assert.Throws<InvalidOperationException>(() => r.GetOrdinal("ts"));
        Assert.Throws<InvalidOperationException>(() => r.IsDBNull(0));
        Assert.Throws<InvalidOperationException>(() => r.GetValue(0));
        Assert.Equal(-1, r.RecordsAffected);
    }

    [Fact]
    public void GetName_no_result_set_throws_InvalidOperationException()
    {
        using var c = Open();
        using var cmd = new TaosCommand("insert into ins values ('2023-01-01T00:00:00Z', 1)", c);
        using var r = cmd.ExecuteReader();
        Assert.Equal(0, r.FieldCount);
        Assert.Equal(1, r.RecordsAffected);
        Assert.Null(r.GetSchemaTable());
        Assert.Empty(r.GetColumnSchema());
        Assert.Throws<InvalidOperationException>(() => r.GetName(0));
        Assert.Throws<InvalidOperationException>(() => r.GetFieldType(0));
        Assert.Throws<InvalidOperationException>(() => r.GetValue(0));
        Assert.Throws<InvalidOperationException>(() => r.IsDBNull(0));
        Assert.Throws<InvalidOperationException>(() => r.GetValues(new object[1]));
        Assert.False(r.Read());
        Assert.False(r.NextResult());
    }

    [Fact]
    public async Task ReadAsync_cancelled_token_is_cancelled()
    {
        using var c = Open();
        using var r = Row(c, 1);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var isNull = r.IsDBNullAsync(1, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => isNull);
        Assert.True(isNull.IsCanceled);
        var read = r.ReadAsync(cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.True(read.IsCanceled);
        var value = r.GetFieldValueAsync<int>(4, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => value);
        Assert.True(value.IsCanceled);
    }

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}

[Collection(ServerCollection.Name)]
public sealed class ReaderContractTestsOverRest(ServerFixture server) : ReaderContractTests(server);

[Collection(WsServerCollection.Name)]
public sealed class ReaderContractTestsOverWebSocket(WsServerFixture server) : ReaderContractTests(server);
