using System.Buffers;
using System.Text;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Tests.Protocol.Rest;

/// <summary>The fast row path decodes exactly what the JSON reader decodes, and declines what it does not know.</summary>
public class RestRowScannerTests
{
    private static readonly (string Name, TaosDataType Type)[] Columns =
    [
        ("ts", TaosDataType.Timestamp), ("b", TaosDataType.Bool), ("i8", TaosDataType.TinyInt), ("i32", TaosDataType.Int),
        ("i64", TaosDataType.BigInt), ("u64", TaosDataType.UBigInt), ("f", TaosDataType.Float), ("d", TaosDataType.Double),
        ("s", TaosDataType.VarChar), ("n", TaosDataType.NChar), ("vb", TaosDataType.VarBinary), ("j", TaosDataType.Json),
    ];

    private static readonly TaosDataType[] Types = Columns.Select(c => c.Type).ToArray();

    private static IEnumerable<object?[]> Rows()
    {
        object?[] values =
        [
            null, 1704067201123L, -1L, 253402214400000L, true, false, (sbyte)-128, (sbyte)0, int.MinValue, 7, long.MinValue,
            long.MaxValue, 0L, ulong.MaxValue, 5UL, 0.31f, -1e-30f, float.MaxValue, 1.7e308, -0.0, 5e-324, 123456.789,
            "plain", "b\"q\\ <&> \n", "涛思 ñ 🙂", "", new byte[] { 0, 0xAB }, "{\"k\":[1,2]}",
        ];
        var random = new Random(14);
        for (int r = 0; r < 400; r++)
        {
            var row = new object?[Types.Length];
            for (int i = 0; i < row.Length; i++)
            {
                var candidates = values.Where(v => v is null || Fits(Types[i], v)).ToArray();
                row[i] = candidates[random.Next(candidates.Length)];
            }
            yield return row;
        }
    }

    private static bool Fits(TaosDataType type, object value) => type switch
    {
        TaosDataType.Timestamp => value is long l && l is >= -1 and < 253402214400000L,
        TaosDataType.Bool => value is bool,
        TaosDataType.TinyInt => value is sbyte,
        TaosDataType.Int => value is int,
        TaosDataType.BigInt => value is long,
        TaosDataType.UBigInt => value is ulong,
        TaosDataType.Float => value is float,
        TaosDataType.Double => value is double,
        TaosDataType.VarBinary => value is byte[],
        TaosDataType.Json => value is string s && s.StartsWith('{'),
        _ => value is string,
    };

    private static byte[] Answer(IEnumerable<object?[]> rows, TimeZoneInfo? zone)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RestEnvelopeWriter(buffer);
        writer.WriteResultStart();
        foreach (var (name, type) in Columns) writer.WriteColumn(name, type, 8);
        writer.WriteDataStart();
        foreach (var row in rows) writer.WriteRow(Types, row, TaosPrecision.Milliseconds, zone);
        writer.WriteResultEnd();
        return buffer.WrittenSpan.ToArray();
    }

    private static List<TaosValue[]> Decode(byte[] body)
    {
        using var reader = new RestEnvelopeReader(new MemoryStream(body));
        reader.ReadHeaderAsync(false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var rows = new List<TaosValue[]>();
        var row = new TaosValue[Types.Length];
        while (reader.ReadRowAsync(row, false, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            rows.Add(row.Select(Meaning).ToArray());
        }
        return rows;
    }

    // The slots a value's kind makes meaningful (the others keep whatever an earlier row left).
    private static TaosValue Meaning(TaosValue v) => v.Kind switch
    {
        TaosValueKind.Null => new TaosValue { Kind = v.Kind },
        TaosValueKind.Float or TaosValueKind.Double => new TaosValue { Kind = v.Kind, Double = v.Double },
        TaosValueKind.Timestamp => new TaosValue { Kind = v.Kind, Int64 = v.Int64, Precision = v.Precision, OffsetMinutes = v.OffsetMinutes },
        TaosValueKind.String or TaosValueKind.Json => new TaosValue { Kind = v.Kind, Ref = v.Ref },
        TaosValueKind.Bytes => new TaosValue { Kind = v.Kind, Ref = Convert.ToHexString((byte[])v.Ref!) },
        _ => new TaosValue { Kind = v.Kind, Int64 = v.Int64 },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("Asia/Shanghai")]
    [InlineData("America/St_Johns")]
    public void Rows_decode_as_each_row_alone_decodes(string? zoneId)
    {
        var zone = zoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var rows = Rows().ToList();
        // Alone, a row is the first of its answer: the JSON reader decodes it, never the scanner.
        var alone = rows.Select(r => Decode(Answer([r], zone)).Single()).ToList();
        var together = Decode(Answer(rows, zone));
        Assert.Equal(alone.Count, together.Count);
        for (int i = 0; i < alone.Count; i++)
        {
            Assert.Equal(alone[i], together[i]);
        }
    }

    [Theory]
    [InlineData(",[1,2]", 6)]
    [InlineData(",[null,-0]", 10)]
    [InlineData(",[1,2]]", 6)]
    [InlineData(",[ 1,2]", 0)]
    [InlineData(",[1,2", 0)]
    [InlineData(",[1,2,3]", 0)]
    [InlineData(",[1]", 0)]
    [InlineData("[1,2]", 0)]
    [InlineData("]", 0)]
    [InlineData(",[01,2]", 0)]
    [InlineData(",[1.5,2]", 0)]
    [InlineData(",[99999999999999999999,2]", 0)]
    [InlineData(",[\"1\",2]", 8)]
    [InlineData(",[nul,2]", 0)]
    public void Integer_rows_are_taken_only_when_whole_and_plain(string text, int taken)
    {
        var row = new TaosValue[2];
        Assert.Equal(taken, RestRowScanner.TryScanRow(Encoding.UTF8.GetBytes(text), [TaosDataType.BigInt, TaosDataType.Int], row));
    }

    [Theory]
    [InlineData(",[\"a\\\"b\"]")]
    [InlineData(",[\"a\u0001b\"]")]
    [InlineData(",[\"a]")]
    [InlineData(",[1.5e400]")]
    public void Escapes_control_characters_cut_strings_and_infinities_are_declined(string text)
    {
        var row = new TaosValue[1];
        var type = text.Contains('"') ? TaosDataType.VarChar : TaosDataType.Double;
        Assert.Equal(0, RestRowScanner.TryScanRow(Encoding.UTF8.GetBytes(text), [type], row));
    }

    [Fact]
    public void Invalid_utf8_is_declined()
    {
        byte[] text = [(byte)',', (byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']'];
        Assert.Equal(0, RestRowScanner.TryScanRow(text, [TaosDataType.VarChar], new TaosValue[1]));
    }

    [Fact]
    public void Floats_and_doubles_parse_to_the_bits_the_full_parser_gives()
    {
        var random = new Random(14);
        var row = new TaosValue[2];
        for (int n = 0; n < 20_000; n++)
        {
            int intDigits = random.Next(0, 9), fractionDigits = random.Next(0, 12);
            var text = new StringBuilder(random.Next(4) == 0 ? "-" : "");
            text.Append(intDigits == 0 ? "0" : random.NextInt64(1, (long)Math.Pow(10, intDigits)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (fractionDigits > 0)
            {
                text.Append('.');
                for (int i = 0; i < fractionDigits; i++) text.Append((char)('0' + random.Next(10)));
            }
            if (random.Next(8) == 0) text.Append("e-").Append(random.Next(1, 40));
            string number = text.ToString();
            byte[] bytes = Encoding.UTF8.GetBytes(",[" + number + "," + number + "]");
            Assert.Equal(bytes.Length, RestRowScanner.TryScanRow(bytes, [TaosDataType.Float, TaosDataType.Double], row));
            Assert.Equal(BitConverter.SingleToInt32Bits(float.Parse(number, System.Globalization.CultureInfo.InvariantCulture)),
                BitConverter.SingleToInt32Bits((float)row[0].Double));
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(number, System.Globalization.CultureInfo.InvariantCulture)),
                BitConverter.DoubleToInt64Bits(row[1].Double));
        }
    }

    // The row texts of an answer after its first row, each starting with its comma.
    private static List<byte[]> RowTexts(byte[] body)
    {
        var text = body.AsSpan();
        int start = text.IndexOf("\"data\":["u8) + 8;
        int end = text.LastIndexOf("],\"rows\""u8);
        var rows = new List<byte[]>();
        var data = text[start..end];
        // Every row ends with "]," or the data's end; strings never hold "],[" in these rows.
        int first = data.IndexOf("],["u8) + 1;
        var rest = data[first..];
        while (!rest.IsEmpty)
        {
            int next = rest[1..].IndexOf(",["u8);
            int length = next < 0 ? rest.Length : next + 1;
            rows.Add(rest[..length].ToArray());
            rest = rest[length..];
        }
        return rows;
    }

    [Fact]
    public void Cut_rows_are_declined()
    {
        var row = new TaosValue[Types.Length];
        int whole = 0;
        foreach (var text in RowTexts(Answer(ScannableRows().Take(60), null)))
        {
            for (int length = 0; length < text.Length; length++)
            {
                Assert.Equal(0, RestRowScanner.TryScanRow(text.AsSpan(0, length), Types, row));
            }
            int taken = RestRowScanner.TryScanRow(text, Types, row);
            Assert.True(taken == 0 || taken == text.Length);
            whole += taken > 0 ? 1 : 0;
        }
        Assert.True(whole > 10, $"only {whole} rows were taken whole");
    }

    [Fact]
    public void Mutated_rows_are_declined_or_decoded_as_the_json_reader_decodes_them()
    {
        byte[] noise = "0123456789-+.eE\"\\,[]{} ZT:ntfx"u8.ToArray();
        byte[] special = [0x01, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xFF];
        var texts = RowTexts(Answer(ScannableRows().Take(100), null));
        var random = new Random(1414);
        var row = new TaosValue[Types.Length];
        int taken = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var text = texts[random.Next(texts.Count)].ToList();
            for (int edits = random.Next(1, 3); edits > 0; edits--)
            {
                int at = random.Next(text.Count);
                byte b = random.Next(4) == 0 ? special[random.Next(special.Length)] : noise[random.Next(noise.Length)];
                switch (random.Next(3))
                {
                    case 0: text[at] = b; break;
                    case 1: text.Insert(at, b); break;
                    default: text.RemoveAt(at); break;
                }
            }
            byte[] mutated = [.. text];
            int length = RestRowScanner.TryScanRow(mutated, Types, row);
            if (length == 0) continue;
            taken++;
            Assert.Equal(DecodeWithJsonReader(mutated.AsSpan(0, length), Types), row.Select(Meaning).ToArray());
        }
        // Most single edits of a digit or a letter still leave a valid row: the comparison above ran often.
        Assert.True(taken > 1_000, $"only {taken} mutated rows were taken");
    }

    // Random rows without the values the scanner always declines (VARBINARY and JSON ones, escaped strings).
    private static IEnumerable<object?[]> ScannableRows() => Rows().Select(r =>
    {
        r[Array.IndexOf(Types, TaosDataType.VarBinary)] = null;
        r[Array.IndexOf(Types, TaosDataType.Json)] = null;
        return r.Select(v => v is string s && s.Contains('"') ? "plain" : v).ToArray();
    });

    [Theory]
    [InlineData(",[5,18446744073709551615]", 0)]
    [InlineData(",[5,9999999999999999999]", 24)]
    [InlineData(",[5,-1]", 0)]
    [InlineData(",[-9223372036854775808,0]", 25)]
    [InlineData(",[-9223372036854775809,0]", 0)]
    [InlineData(",[9223372036854775807,0]", 24)]
    [InlineData(",[9223372036854775808,0]", 0)]
    [InlineData(",[1e2,0]", 0)]
    [InlineData(",[-,0]", 0)]
    public void Signed_and_unsigned_integers_beyond_their_range_are_declined(string text, int taken)
    {
        var row = new TaosValue[2];
        Assert.Equal(taken, RestRowScanner.TryScanRow(Encoding.UTF8.GetBytes(text), [TaosDataType.BigInt, TaosDataType.UBigInt], row));
        if (taken > 0)
        {
            Assert.Equal(DecodeWithJsonReader(Encoding.UTF8.GetBytes(text), [TaosDataType.BigInt, TaosDataType.UBigInt]), row.Select(Meaning).ToArray());
        }
    }

    [Theory]
    [InlineData(",[\"plain text\u007f\"]", 16)]
    [InlineData(",[\"caf\u00e9 \u6d9b\"]", 14)]
    [InlineData(",[\"\"]", 5)]
    [InlineData(",[\"\u00e9\u0001\"]", 0)]
    [InlineData(",[\"\u00e9\\n\"]", 0)]
    public void Plain_and_non_ascii_strings_decode_as_the_json_reader_decodes_them(string text, int taken)
    {
        var row = new TaosValue[1];
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(taken, RestRowScanner.TryScanRow(bytes, [TaosDataType.VarChar], row));
        if (taken > 0)
        {
            Assert.Equal(DecodeWithJsonReader(Encoding.UTF8.GetBytes(text), [TaosDataType.VarChar]), row.Select(Meaning).ToArray());
        }
    }

    // The JSON reader's decoding of a one-row answer of the given columns.
    private static TaosValue[] DecodeWithJsonReader(ReadOnlySpan<byte> rowText, TaosDataType[] types)
    {
        var meta = string.Join(",", types.Select((t, i) => $"[\"c{i}\",\"{TaosTypes.Name(t)}\",8]"));
        byte[] body = [.. Encoding.UTF8.GetBytes($"{{\"code\":0,\"column_meta\":[{meta}],\"data\":["), .. rowText[1..], .. "],\"rows\":1}"u8];
        using var reader = new RestEnvelopeReader(new MemoryStream(body));
        reader.ReadHeaderAsync(false, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var row = new TaosValue[types.Length];
        Assert.True(reader.ReadRowAsync(row, false, CancellationToken.None).AsTask().GetAwaiter().GetResult());
        return row.Select(Meaning).ToArray();
    }
}
