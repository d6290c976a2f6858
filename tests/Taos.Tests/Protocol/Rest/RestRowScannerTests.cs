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
}
