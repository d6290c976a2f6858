using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Write;

public class ValueCoercionTests
{
    private static InsertValue Value(string sql, string token, InsertValueKind kind, string? text = null) =>
        new(kind, text ?? token, sql.IndexOf(token, StringComparison.Ordinal), []);

    private static object? Coerce(InsertValueKind kind, string text, TaosDataType type, int length = 8, TaosPrecision precision = TaosPrecision.Milliseconds)
    {
        string sql = "insert into t values (" + (kind == InsertValueKind.String ? "'" + text + "'" : text) + ")";
        var coercer = new ValueCoercer(sql, TimeZoneInfo.Utc, precision);
        var token = kind == InsertValueKind.String ? "'" + text : text;
        return coercer.Coerce(new InsertValue(kind, text, sql.IndexOf(token, StringComparison.Ordinal), []), new ColumnInfo("c", type, length), false);
    }

    [Fact]
    public void Coerce_int_overflow_quotes_the_rest_of_the_statement()
    {
        const string sql = "insert into d1001 values (1704067300000, 1, 99999999999, 1)";
        var coercer = new ValueCoercer(sql, TimeZoneInfo.Utc, TaosPrecision.Milliseconds);
        var e = Assert.Throws<TaosServerException>(() => coercer.Coerce(Value(sql, "99999999999", InsertValueKind.Number), new ColumnInfo("v", TaosDataType.Int, 4), false));
        Assert.Equal(534, e.Code);
        Assert.Equal("syntax error near '99999999999, 1)' (int data overflow)", e.Message);
    }

    [Fact]
    public void Coerce_error_text_is_cut_at_63_bytes()
    {
        const string sql = "insert into at1 values (1704067203000, true, 128, 1, 1, 1, 1, 1, 1, 1, 1, 1, 'a', 'a', 'a', '\\x61', 'POINT(0 0)')";
        var coercer = new ValueCoercer(sql, TimeZoneInfo.Utc, TaosPrecision.Milliseconds);
        var e = Assert.Throws<TaosServerException>(() => coercer.Coerce(Value(sql, "128", InsertValueKind.Number), new ColumnInfo("c", TaosDataType.TinyInt, 1), false));
        Assert.Equal("syntax error near '128, 1, 1, 1, 1, 1, 1, 1, 1, 1, 'a', 'a', 'a', '\\x61', 'POINT(0' (tinyint data overflow)", e.Message);
    }

    [Fact]
    public void Coerce_string_error_quotes_only_the_content()
    {
        var e = Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, "abc", TaosDataType.Float));
        Assert.Equal("syntax error near 'abc' (illegal float data)", e.Message);
    }

    [Theory]
    [InlineData((int)InsertValueKind.Number, "0x1F", TaosDataType.Int, 31)]
    [InlineData((int)InsertValueKind.Number, "0b101", TaosDataType.Int, 5)]
    [InlineData((int)InsertValueKind.String, "42", TaosDataType.Int, 42)]
    [InlineData((int)InsertValueKind.Number, "1.5", TaosDataType.Int, 2)]
    [InlineData((int)InsertValueKind.Number, "-2147483648", TaosDataType.Int, int.MinValue)]
    public void Coerce_integers_accept_hex_binary_strings_and_round_decimals(int kindCode, string text, TaosDataType type, int expected) =>
        Assert.Equal(expected, Coerce((InsertValueKind)kindCode, text, type));

    [Fact]
    public void Coerce_unsigned_bigint_above_long_max_is_exact() =>
        Assert.Equal(18446744073709551615UL, Coerce(InsertValueKind.Number, "18446744073709551615", TaosDataType.UBigInt));

    [Theory]
    [InlineData((int)InsertValueKind.Number, "256", TaosDataType.UTinyInt, "unsigned tinyint data overflow")]
    [InlineData((int)InsertValueKind.Number, "-1", TaosDataType.UInt, "invalid unsigned int data")]
    [InlineData((int)InsertValueKind.Number, "99999999999999999999", TaosDataType.BigInt, "invalid bigint data")]
    [InlineData((int)InsertValueKind.String, "x", TaosDataType.Bool, "invalid bool data")]
    [InlineData((int)InsertValueKind.Number, "1e39", TaosDataType.Float, "illegal float data")]
    [InlineData((int)InsertValueKind.String, "2024-13-01", TaosDataType.Timestamp, "invalid timestamp")]
    [InlineData((int)InsertValueKind.Word, "abc", TaosDataType.Int, "invalid data or symbol")]
    public void Coerce_rejects_with_reason(int kindCode, string text, TaosDataType type, string reason)
    {
        var e = Assert.Throws<TaosServerException>(() => Coerce((InsertValueKind)kindCode, text, type));
        Assert.Equal(534, e.Code);
        Assert.EndsWith("(" + reason + ")", e.Message);
    }

    [Theory]
    [InlineData((int)InsertValueKind.Bool, "true", true)]
    [InlineData((int)InsertValueKind.String, "false", false)]
    [InlineData((int)InsertValueKind.Number, "0", false)]
    [InlineData((int)InsertValueKind.Number, "2.5", true)]
    public void Coerce_bool_from_words_strings_and_numbers(int kindCode, string text, bool expected) =>
        Assert.Equal(expected, Coerce((InsertValueKind)kindCode, text, TaosDataType.Bool));

    [Fact]
    public void Coerce_null_string_is_null_for_numbers_but_text_for_varchar()
    {
        Assert.Null(Coerce(InsertValueKind.String, "null", TaosDataType.Int));
        Assert.Equal("null", Coerce(InsertValueKind.String, "null", TaosDataType.VarChar));
    }

    [Fact]
    public void Coerce_primary_timestamp_null_is_rejected()
    {
        const string sql = "insert into t values (null, 1)";
        var coercer = new ValueCoercer(sql, TimeZoneInfo.Utc, TaosPrecision.Milliseconds);
        var e = Assert.Throws<TaosServerException>(() => coercer.Coerce(Value(sql, "null", InsertValueKind.Null), new ColumnInfo("ts", TaosDataType.Timestamp, 8), true));
        Assert.Equal("syntax error near 'null, 1)' (Primary timestamp column should not be null)", e.Message);
    }

    [Fact]
    public void Coerce_timestamp_forms()
    {
        Assert.Equal(1704067200000L, Coerce(InsertValueKind.Number, "1704067200000", TaosDataType.Timestamp));
        Assert.Equal(1704067200123456L, Coerce(InsertValueKind.String, "2024-01-01 00:00:00.123456", TaosDataType.Timestamp, precision: TaosPrecision.Microseconds));
        Assert.Equal(1704067200000L, Coerce(InsertValueKind.String, "1704067200000", TaosDataType.Timestamp));
        const string sql = "insert into t values (1704067200000 - 10a, 1)";
        var coercer = new ValueCoercer(sql, TimeZoneInfo.Utc, TaosPrecision.Milliseconds);
        var value = new InsertValue(InsertValueKind.Number, "1704067200000", 22, [('-', new Duration(10, 'a', "10a"))]);
        Assert.Equal(1704067199990L, coercer.Coerce(value, new ColumnInfo("ts", TaosDataType.Timestamp, 8), true));
    }

    [Fact]
    public void Coerce_strings_check_length_in_bytes_or_characters()
    {
        Assert.Equal("涛思", Coerce(InsertValueKind.String, "涛思", TaosDataType.NChar, 2));
        var e = Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, "涛思", TaosDataType.VarChar, 5));
        Assert.Equal(9811, e.Code);
        Assert.Equal("Value too long for column/tag: c", e.Message);
    }

    [Fact]
    public void Coerce_varbinary_hex_plain_and_bad()
    {
        Assert.Equal(new byte[] { 1, 2, 0xab }, Coerce(InsertValueKind.String, "\\x0102ab", TaosDataType.VarBinary));
        Assert.Equal("hex"u8.ToArray(), Coerce(InsertValueKind.String, "hex", TaosDataType.VarBinary));
        var e = Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, "\\x123", TaosDataType.VarBinary));
        Assert.Equal(9834, e.Code);
        Assert.Equal("Invalid varbinary value: c", e.Message);
        Assert.Equal(9834, Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, "\\x0g", TaosDataType.VarBinary)).Code);
    }

    [Theory]
    [InlineData("POINT(1.0 2.0)", "0101000000000000000000f03f0000000000000040")]
    [InlineData("POINT(0 0)", "010100000000000000000000000000000000000000")]
    [InlineData("LINESTRING(1.0 1.0, 2.0 2.0)", "010200000002000000000000000000f03f000000000000f03f00000000000000400000000000000040")]
    [InlineData("POLYGON((0 0, 1 0, 1 1, 0 0))", "0103000000010000000400000000000000000000000000000000000000000000000000f03f0000000000000000000000000000f03f000000000000f03f00000000000000000000000000000000")]
    public void Coerce_geometry_writes_little_endian_wkb(string wkt, string hex) =>
        Assert.Equal(hex, Convert.ToHexStringLower((byte[])Coerce(InsertValueKind.String, wkt, TaosDataType.Geometry, 100)!));

    [Theory]
    [InlineData("POINT(1)", "syntax error near 'POINT(1)' (ParseException: Expected number but encountered ')')")]
    [InlineData("NOT A SHAPE", "syntax error near 'NOT A SHAPE' (ParseException: Unknown type: 'NOT')")]
    public void Coerce_geometry_bad_wkt_gives_geos_message(string wkt, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, wkt, TaosDataType.Geometry, 100));
        Assert.Equal(534, e.Code);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Coerce_json_sorts_keys_by_bytes_and_keeps_the_first_duplicate()
    {
        Assert.Equal("{\"Alpha\":2,\"alpha\":\"x\",\"beta\":null,\"mid\":true,\"zeta\":1}",
            Coerce(InsertValueKind.String, "{\"zeta\":1,\"alpha\":\"x\",\"mid\":true,\"beta\":null,\"Alpha\":2}", TaosDataType.Json, 4095));
        Assert.Equal("{\"k\":1}", Coerce(InsertValueKind.String, "{\"k\":1,\"k\":2}", TaosDataType.Json, 4095));
        Assert.Equal("{\"k5\":1.5}", Coerce(InsertValueKind.String, "{\"k5\":1.5}", TaosDataType.Json, 4095));
        Assert.Null(Coerce(InsertValueKind.String, "null", TaosDataType.Json, 4095));
        Assert.Equal(534, Assert.Throws<TaosServerException>(() => Coerce(InsertValueKind.String, "{bad", TaosDataType.Json, 4095)).Code);
    }
}
