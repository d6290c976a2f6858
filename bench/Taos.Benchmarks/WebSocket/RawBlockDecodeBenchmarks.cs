using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Taos.Protocol;
using Taos.Protocol.RawBlock;

namespace Taos.Benchmarks.WebSocket;

/// <summary>
/// Client only: the raw blocks of the six-column result (ts, int, bigint, double, float, varchar; blocks of 4,096
/// rows as the embedded server sends them, written by its <see cref="RawBlockWriter"/>) read the connector's way —
/// <see cref="RawBlockView"/> checks each block, fills each row's cells, and the values are read as the reader's
/// getters read them — against the floor: a plain pass over the same bytes that reads each value at its offset
/// without any check. Run with <c>dotnet run -c Release --project bench/Taos.Benchmarks -- --filter '*RawBlockDecode*'</c>.
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

    /// <summary>The connector: each block checked and read in place, every value taken as the getters take it.</summary>
    [Benchmark]
    public long RawBlockViewGetters()
    {
        long sum = 0;
        var row = new TaosValue[Columns.Length];
        foreach (byte[] block in _blocks)
        {
            var view = RawBlockView.Parse(block, 0, block.Length);
            for (int r = 0; r < view.Rows; r++)
            {
                view.Fill(r, row, TaosPrecision.Milliseconds, null);
                sum += row[0].Timestamp.ToDateTime().Ticks;
                sum += row[1].Int64;
                sum += row[2].Int64;
                sum += (long)row[3].Double;
                sum += (long)(float)row[4].Double;
                sum += ((string)row[5].Object!).Length;
            }
        }
        return sum;
    }
}
