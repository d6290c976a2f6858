using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Tmq;
using Taos.Transport;

namespace Taos.Benchmarks.WebSocket;

/// <summary>
/// Client only: the raw blocks of the six-column result (ts, int, bigint, double, float, varchar; blocks of 4,096
/// rows as the embedded server sends them, written by its <see cref="RawBlockWriter"/>) read the connector's way —
/// <see cref="RawBlockView"/> checks each block, and a <see cref="TaosDataReader"/>'s getters read every value
/// straight out of the blocks — against the floor: a plain pass over the same bytes that reads each value at its
/// offset without any check. Both compute the same sum (checked in <see cref="Setup"/>). Run with <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*RawBlockDecode*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class RawBlockDecodeBenchmarks
{
    private const int BlockRows = 4096;

    private static readonly RawBlockColumn[] Columns =
    [
        new(TaosDataType.Timestamp, 8), new(TaosDataType.Int, 4), new(TaosDataType.BigInt, 8),
        new(TaosDataType.Double, 8), new(TaosDataType.Float, 4), new(TaosDataType.VarChar, 26),
    ];

    private static readonly TaosColumnMeta[] Meta =
    [
        new("ts", "TIMESTAMP", TaosDataType.Timestamp, 8, TaosPrecision.Milliseconds), new("phase", "INT", TaosDataType.Int, 4, TaosPrecision.Milliseconds),
        new("seq", "BIGINT", TaosDataType.BigInt, 8, TaosPrecision.Milliseconds), new("voltage", "DOUBLE", TaosDataType.Double, 8, TaosPrecision.Milliseconds),
        new("current", "FLOAT", TaosDataType.Float, 4, TaosPrecision.Milliseconds), new("location", "VARCHAR", TaosDataType.VarChar, 26, TaosPrecision.Milliseconds),
    ];

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private byte[][] _blocks = [];

    /// <summary>The row count (<see cref="MetersTable.Rows"/>).</summary>
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    /// <summary>The one row count of this run.</summary>
    public static IEnumerable<int> RowCounts => [MetersTable.Rows];

    /// <summary>Writes the blocks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var blocks = new List<byte[]>();
        for (int start = 0; start < Rows; start += BlockRows)
        {
            var rows = new List<object?[]>();
            for (long i = start; i < Math.Min(Rows, start + BlockRows); i++)
            {
                rows.Add([1_700_000_000_000L + (i * 10), (int)(i % 3), i * 7919, 220 + ((i % 1000) * 0.017), 10.25f + ((i % 97) * 0.5f),
                    string.Create(CultureInfo.InvariantCulture, $"California.{i % 1000:D4}")]);
            }
            blocks.Add(RawBlockWriter.Write(Columns, rows));
        }
        _blocks = [.. blocks];
        long plain = PlainPass(), reader = ReaderGetters();
        if (plain != reader) throw new InvalidOperationException($"The reader's sum {reader} is not the plain pass's {plain}.");
    }

    /// <summary>The floor: every value read at its offset, the text decoded, nothing checked.</summary>
    [Benchmark(Baseline = true)]
    public long PlainPass()
    {
        long sum = 0;
        foreach (byte[] block in _blocks)
        {
            int rows = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(RawBlockLayout.RowsOffset));
            int bitmap = RawBlockLayout.BitmapSize(rows);
            int at = RawBlockLayout.HeaderSize + (Columns.Length * (RawBlockLayout.SchemaEntrySize + 4));
            int ts = at + bitmap, phase = ts + (8 * rows) + bitmap, seq = phase + (4 * rows) + bitmap;
            int voltage = seq + (8 * rows) + bitmap, current = voltage + (8 * rows) + bitmap, offsets = current + (4 * rows);
            int text = offsets + (4 * rows);
            var span = block.AsSpan();
            for (int r = 0; r < rows; r++)
            {
                sum += BinaryPrimitives.ReadInt64LittleEndian(span[(ts + (8 * r))..]);
                sum += BinaryPrimitives.ReadInt32LittleEndian(span[(phase + (4 * r))..]);
                sum += BinaryPrimitives.ReadInt64LittleEndian(span[(seq + (8 * r))..]);
                sum += (long)BinaryPrimitives.ReadDoubleLittleEndian(span[(voltage + (8 * r))..]);
                sum += (long)BinaryPrimitives.ReadSingleLittleEndian(span[(current + (4 * r))..]);
                int value = text + BinaryPrimitives.ReadInt32LittleEndian(span[(offsets + (4 * r))..]);
                sum += Encoding.UTF8.GetString(span.Slice(value + 2, BinaryPrimitives.ReadUInt16LittleEndian(span[value..]))).Length;
            }
        }
        return sum;
    }

    /// <summary>
    /// The connector: each block checked (<see cref="RawBlockView.Parse"/>, as the WebSocket result parses each block
    /// it receives), then read by a <see cref="TaosDataReader"/> over the blocks (the same in-memory block result a
    /// TMQ message's reader uses) with its typed getters — the reader's own code, values read straight from the blocks.
    /// The timestamp goes through <see cref="TaosDataReader.GetDateTime"/> and back to epoch milliseconds, so that the
    /// sum is the plain pass's.
    /// </summary>
    [Benchmark]
    public long ReaderGetters()
    {
        long sum = 0;
        var views = new RawBlockView[_blocks.Length];
        for (int i = 0; i < views.Length; i++)
        {
            views[i] = RawBlockView.Parse(_blocks[i], 0, _blocks[i].Length);
        }
        using var reader = TaosConsumeResult.Reader(Meta, views);
        while (reader.Read())
        {
            sum += (reader.GetDateTime(0).Ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;
            sum += reader.GetInt32(1);
            sum += reader.GetInt64(2);
            sum += (long)reader.GetDouble(3);
            sum += (long)reader.GetFloat(4);
            sum += reader.GetString(5).Length;
        }
        return sum;
    }
}
