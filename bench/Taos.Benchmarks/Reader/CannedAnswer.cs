using System.Buffers;
using System.Globalization;
using Taos.Protocol;
using Taos.Protocol.Rest;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// The REST answer the reader benchmarks read: <c>select * from meters</c> with six columns (ts, int, bigint, double,
/// float, varchar), written by the server's own <see cref="RestEnvelopeWriter"/> so that it is byte for byte what the
/// embedded server sends. Every varchar value has the same length, so the allocation per row is easy to read.
/// </summary>
internal static class CannedAnswer
{
    /// <summary>The environment variable that overrides <see cref="DefaultRows"/> (a CI smoke uses a few thousand).</summary>
    public const string RowsVariable = "TAOS_BENCH_READER_ROWS";

    /// <summary>The row count of the recorded measurements.</summary>
    public const int DefaultRows = 1_000_000;

    /// <summary>The columns' types, in order.</summary>
    public static readonly TaosDataType[] Types =
        [TaosDataType.Timestamp, TaosDataType.Int, TaosDataType.BigInt, TaosDataType.Double, TaosDataType.Float, TaosDataType.VarChar];

    /// <summary>The row count: <see cref="RowsVariable"/> when set, else <see cref="DefaultRows"/>.</summary>
    public static int Rows => Environment.GetEnvironmentVariable(RowsVariable) is { Length: > 0 } text
        ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
        : DefaultRows;

    /// <summary>The whole answer with <paramref name="rows"/> rows, in memory.</summary>
    public static byte[] Build(int rows)
    {
        var output = new ArrayBufferWriter<byte>(256 + rows * 72);
        var writer = new RestEnvelopeWriter(output);
        WriteStart(writer);
        var row = new object?[Types.Length];
        for (int i = 0; i < rows; i++)
        {
            WriteRow(writer, row, i);
        }
        writer.WriteResultEnd();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The answer's start, up to and including <c>"data":[</c>.</summary>
    public static void WriteStart(RestEnvelopeWriter writer)
    {
        writer.WriteResultStart();
        writer.WriteColumn("ts", TaosDataType.Timestamp, 8);
        writer.WriteColumn("phase", TaosDataType.Int, 4);
        writer.WriteColumn("seq", TaosDataType.BigInt, 8);
        writer.WriteColumn("voltage", TaosDataType.Double, 8);
        writer.WriteColumn("current", TaosDataType.Float, 4);
        writer.WriteColumn("location", TaosDataType.VarChar, 24);
        writer.WriteDataStart();
    }

    /// <summary>Row <paramref name="i"/>, using <paramref name="row"/> as scratch space.</summary>
    public static void WriteRow(RestEnvelopeWriter writer, object?[] row, long i)
    {
        row[0] = 1_700_000_000_000L + i * 10;
        row[1] = (int)(i % 3);
        row[2] = i * 7919;
        row[3] = 220 + (i % 1000) * 0.017;
        row[4] = 10.25f + (i % 97) * 0.5f;
        row[5] = string.Create(CultureInfo.InvariantCulture, $"California.{i % 1000:D4}");
        writer.WriteRow(Types, row, TaosPrecision.Milliseconds, null);
    }
}
