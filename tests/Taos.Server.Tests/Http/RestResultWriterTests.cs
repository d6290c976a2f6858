using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Taos.Server.Engine;
using Taos.Server.Http;

namespace Taos.Server.Tests.Http;

public class RestResultWriterTests
{
    private static async Task<string> RenderAsync(RowSetResult result, TimeZoneInfo? zone = null)
    {
        var pipe = new Pipe();
        var reading = ReadAllAsync(pipe.Reader);
        var rows = result.Rows.GetEnumerator();
        bool first = rows.MoveNext();
        await RestResultWriter.WriteRowSetAsync(pipe.Writer, result, rows, first, zone ?? TimeZoneInfo.Utc, CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        return Encoding.UTF8.GetString(await reading);
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        var all = new MemoryStream();
        while (true)
        {
            var read = await reader.ReadAsync();
            foreach (var segment in read.Buffer) all.Write(segment.Span);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted) break;
        }
        await reader.CompleteAsync();
        return all.ToArray();
    }

    [Fact]
    public async Task WriteRowSetAsync_renders_every_type_like_the_recordings()
    {
        // Values of rest-raw/26_select_alltypes.txt, second row.
        var columns = new List<ResultColumn>
        {
            new("ts", TaosDataType.Timestamp, 8), new("c_bool", TaosDataType.Bool, 1), new("c_tinyint", TaosDataType.TinyInt, 1),
            new("c_smallint", TaosDataType.SmallInt, 2), new("c_int", TaosDataType.Int, 4), new("c_bigint", TaosDataType.BigInt, 8),
            new("c_utinyint", TaosDataType.UTinyInt, 1), new("c_usmallint", TaosDataType.USmallInt, 2), new("c_uint", TaosDataType.UInt, 4),
            new("c_ubigint", TaosDataType.UBigInt, 8), new("c_float", TaosDataType.Float, 4), new("c_double", TaosDataType.Double, 8),
            new("c_binary", TaosDataType.VarChar, 32), new("c_nchar", TaosDataType.NChar, 32), new("c_varbinary", TaosDataType.VarBinary, 32),
            new("c_geometry", TaosDataType.Geometry, 64), new("t_json", TaosDataType.Json, 4095),
        };
        object?[] row =
        [
            1704067201000L, false, (sbyte)127, (short)32767, 2147483647, 9223372036854775807L, (byte)255, (ushort)65535, 4294967295u,
            18446744073709551615ul, -3.4e38f, 1.7e308, "b\"q", "nchar ñ", "hex"u8.ToArray(),
            Convert.FromHexString("010200000002000000000000000000f03f000000000000f03f00000000000000400000000000000040"),
            "{\"k1\":\"v1\",\"k2\":3,\"k3\":true,\"k4\":null,\"k5\":1.5}",
        ];
        object?[] nulls = [1704067202000L, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null];
        string json = await RenderAsync(new RowSetResult(columns, [row, nulls], TaosPrecision.Milliseconds));
        Assert.Equal(
            "{\"code\":0,\"column_meta\":[[\"ts\",\"TIMESTAMP\",8],[\"c_bool\",\"BOOL\",1],[\"c_tinyint\",\"TINYINT\",1],[\"c_smallint\",\"SMALLINT\",2]," +
            "[\"c_int\",\"INT\",4],[\"c_bigint\",\"BIGINT\",8],[\"c_utinyint\",\"TINYINT UNSIGNED\",1],[\"c_usmallint\",\"SMALLINT UNSIGNED\",2]," +
            "[\"c_uint\",\"INT UNSIGNED\",4],[\"c_ubigint\",\"BIGINT UNSIGNED\",8],[\"c_float\",\"FLOAT\",4],[\"c_double\",\"DOUBLE\",8]," +
            "[\"c_binary\",\"VARCHAR\",32],[\"c_nchar\",\"NCHAR\",32],[\"c_varbinary\",\"VARBINARY\",32],[\"c_geometry\",\"GEOMETRY\",64],[\"t_json\",\"JSON\",4095]]," +
            "\"data\":[[\"2024-01-01T00:00:01.000Z\",false,127,32767,2147483647,9223372036854775807,255,65535,4294967295,18446744073709551615,-3.4e+38,1.7e+308," +
            "\"b\\\"q\",\"nchar ñ\",\"686578\",\"010200000002000000000000000000f03f000000000000f03f00000000000000400000000000000040\"," +
            "{\"k1\":\"v1\",\"k2\":3,\"k3\":true,\"k4\":null,\"k5\":1.5}]," +
            "[\"2024-01-01T00:00:02.000Z\",null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null]],\"rows\":2}",
            json);
    }

    [Fact]
    public async Task WriteRowSetAsync_renders_nan_and_infinity_as_null_and_precisions_with_zone()
    {
        var columns = new List<ResultColumn> { new("ts", TaosDataType.Timestamp, 8), new("d", TaosDataType.Double, 8), new("f", TaosDataType.Float, 4) };
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        string us = await RenderAsync(new RowSetResult(columns, [[1704067200094158L, double.PositiveInfinity, float.NaN]], TaosPrecision.Microseconds), shanghai);
        Assert.Contains("[[\"2024-01-01T08:00:00.094158+08:00\",null,null]]", us);
        string ns = await RenderAsync(new RowSetResult(columns, [[1704067200112310787L, double.NaN, 0.31f]], TaosPrecision.Nanoseconds));
        Assert.Contains("[[\"2024-01-01T00:00:00.112310787Z\",null,0.31]]", ns);
    }

    [Fact]
    public async Task WriteRowSetAsync_empty_result_has_empty_data()
    {
        var columns = new List<ResultColumn> { new("name", TaosDataType.VarChar, 64) };
        Assert.Equal("{\"code\":0,\"column_meta\":[[\"name\",\"VARCHAR\",64]],\"data\":[],\"rows\":0}",
            await RenderAsync(new RowSetResult(columns, [], TaosPrecision.Milliseconds)));
    }

    [Fact]
    public async Task WriteRowSetAsync_streams_rows_while_they_are_enumerated()
    {
        const int total = 1_000_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 256 * 1024, resumeWriterThreshold: 128 * 1024));
        long received = 0;
        long receivedAtHalf = -1;
        var reading = Task.Run(async () =>
        {
            long rowsSeen = 0;
            while (true)
            {
                var read = await pipe.Reader.ReadAsync();
                foreach (var segment in read.Buffer)
                {
                    Interlocked.Add(ref received, segment.Length);
                    rowsSeen += segment.Span.Count((byte)']');
                }
                pipe.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            return rowsSeen;
        });
        IEnumerable<object?[]> Rows()
        {
            for (int i = 0; i < total; i++)
            {
                if (i == total / 2) receivedAtHalf = Interlocked.Read(ref received);
                yield return [1704067200000L + i, i];
            }
        }
        var columns = new List<ResultColumn> { new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.Int, 4) };
        var result = new RowSetResult(columns, Rows(), TaosPrecision.Milliseconds);
        var rows = result.Rows.GetEnumerator();
        bool first = rows.MoveNext();
        await RestResultWriter.WriteRowSetAsync(pipe.Writer, result, rows, first, TimeZoneInfo.Utc, CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        long brackets = await reading;

        // Half-way through the enumeration, most of the first half must already have reached the reader: with a
        // 256 KB pause threshold, a writer that buffered the whole answer would have been stalled or shown nothing.
        Assert.True(receivedAtHalf > 10_000_000, $"only {receivedAtHalf} bytes had reached the client half-way through");
        Assert.Equal(total + 4, brackets); // one per row, two column_meta entries, column_meta's list, data's list
    }

    [Fact]
    public async Task WriteAffectedRowsAsync_matches_taosAdapter()
    {
        var pipe = new Pipe();
        await RestResultWriter.WriteAffectedRowsAsync(pipe.Writer, 5, CancellationToken.None);
        await pipe.Writer.CompleteAsync();
        string json = Encoding.UTF8.GetString(await ReadAllAsync(pipe.Reader));
        Assert.Equal("{\"code\":0,\"column_meta\":[[\"affected_rows\",\"INT\",4]],\"data\":[[5]],\"rows\":1}", json);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(json).RootElement.ValueKind);
    }
}
