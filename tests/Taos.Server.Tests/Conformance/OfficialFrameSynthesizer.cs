using System.Buffers.Binary;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// Rebuilds a client binary message (stmt <c>set_tags</c>/<c>bind</c>: 24-byte header + raw block) that the recording
/// cut after 96 bytes. What the recording shows is kept byte for byte — header, rows, columns, types, and every
/// column data length it shows (a hidden one is what the message length leaves) — and only the hidden values are
/// made up, deterministically: timestamps <c>1.7e9 s</c> + a running counter (so rows never merge), 4- and 8-byte
/// integers <c>200 + row % 50</c>, 1- and 2-byte integers <c>row % 50</c>, floats <c>row + 0.5</c>, strings of the
/// length the data length implies (<c>a</c>s; UCS-4 for NCHAR). The made-up values only have to be valid and
/// keep the block's lengths: the recorded replies to these messages carry no values, and the later reads of the
/// recording compare lengths and headers (plus one count, which the integer pattern reproduces).
/// </summary>
internal static class OfficialFrameSynthesizer
{
    private const int Header = 24;

    /// <summary>The whole message of <paramref name="message"/>; <paramref name="counter"/> numbers made-up timestamps.</summary>
    public static byte[] Complete(OfficialMessage message, TaosPrecision precision, ref long counter)
    {
        if (!message.Truncated) return message.Bytes;
        var shown = message.Bytes;
        int rows = BinaryPrimitives.ReadInt32LittleEndian(shown.AsSpan(Header + RawBlockLayout.RowsOffset));
        int cols = BinaryPrimitives.ReadInt32LittleEndian(shown.AsSpan(Header + RawBlockLayout.ColsOffset));
        int schemaAt = Header + RawBlockLayout.HeaderSize;
        int lengthsAt = schemaAt + (cols * RawBlockLayout.SchemaEntrySize);
        if (shown.Length < lengthsAt) throw new InvalidOperationException("the recording does not show the block schema");
        var types = new TaosDataType[cols];
        for (int c = 0; c < cols; c++) types[c] = (TaosDataType)shown[schemaAt + (c * RawBlockLayout.SchemaEntrySize)];
        int[] dataLengths = DataLengths(shown, message.Length, rows, types, lengthsAt);
        var frame = new byte[message.Length];
        int at = lengthsAt + (4 * cols);
        for (int c = 0; c < cols; c++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(lengthsAt + (4 * c)), dataLengths[c]);
            at = RawBlockLayout.IsVariable(types[c])
                ? WriteVariable(frame, at, rows, dataLengths[c], types[c])
                : WriteFixed(frame, at, rows, types[c], precision, ref counter);
        }
        if (at != frame.Length) throw new InvalidOperationException($"rebuilt block ends at {at}, the message has {frame.Length} bytes");
        shown.CopyTo(frame, 0);
        return frame;
    }

    /// <summary>The column data lengths: those shown, fixed ones computed, at most one hidden variable one from the total.</summary>
    private static int[] DataLengths(byte[] shown, int total, int rows, TaosDataType[] types, int lengthsAt)
    {
        var lengths = new int[types.Length];
        int hidden = -1;
        long used = lengthsAt + (4L * types.Length);
        for (int c = 0; c < types.Length; c++)
        {
            bool variable = RawBlockLayout.IsVariable(types[c]);
            used += variable ? 4L * rows : RawBlockLayout.BitmapSize(rows);
            if (!variable) lengths[c] = rows * RawBlockLayout.FixedSize(types[c]);
            else if (lengthsAt + (4 * c) + 4 <= shown.Length) lengths[c] = BinaryPrimitives.ReadInt32LittleEndian(shown.AsSpan(lengthsAt + (4 * c)));
            else if (hidden < 0) hidden = c;
            else throw new InvalidOperationException("more than one hidden variable column length");
            used += lengths[c];
        }
        if (hidden >= 0) lengths[hidden] = (int)(total - used);
        return lengths;
    }

    private static int WriteFixed(byte[] frame, int at, int rows, TaosDataType type, TaosPrecision precision, ref long counter)
    {
        at += RawBlockLayout.BitmapSize(rows); // all zero: no NULLs
        int size = RawBlockLayout.FixedSize(type);
        long tsBase = 1_700_000_000L * precision switch { TaosPrecision.Milliseconds => 1_000L, TaosPrecision.Microseconds => 1_000_000L, _ => 1_000_000_000L };
        for (int r = 0; r < rows; r++, at += size)
        {
            var slot = frame.AsSpan(at, size);
            switch (type)
            {
                case TaosDataType.Timestamp: BinaryPrimitives.WriteInt64LittleEndian(slot, tsBase + counter++); break;
                case TaosDataType.Float: BinaryPrimitives.WriteSingleLittleEndian(slot, r + 0.5f); break;
                case TaosDataType.Double: BinaryPrimitives.WriteDoubleLittleEndian(slot, r + 0.5); break;
                case TaosDataType.Int or TaosDataType.UInt: BinaryPrimitives.WriteInt32LittleEndian(slot, 200 + (r % 50)); break;
                case TaosDataType.BigInt or TaosDataType.UBigInt: BinaryPrimitives.WriteInt64LittleEndian(slot, 200 + (r % 50)); break;
                case TaosDataType.SmallInt or TaosDataType.USmallInt: BinaryPrimitives.WriteInt16LittleEndian(slot, (short)(r % 50)); break;
                default: slot[0] = (byte)(r % 50 % (type == TaosDataType.Bool ? 2 : 50)); break;
            }
        }
        return at;
    }

    private static int WriteVariable(byte[] frame, int at, int rows, int dataLength, TaosDataType type)
    {
        int offsetsAt = at;
        int dataAt = at + (4 * rows);
        int each = dataLength / rows;
        int written = 0;
        for (int r = 0; r < rows; r++)
        {
            int size = (r == rows - 1 ? dataLength - written : each) - 2;
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(offsetsAt + (4 * r)), written);
            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(dataAt + written), (ushort)size);
            var content = frame.AsSpan(dataAt + written + 2, size);
            int step = type == TaosDataType.NChar ? 4 : 1;
            for (int i = 0; i < size; i += step) content[i] = (byte)'a';
            written += size + 2;
        }
        return dataAt + dataLength;
    }
}
