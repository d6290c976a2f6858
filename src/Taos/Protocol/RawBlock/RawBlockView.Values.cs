using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Taos.Protocol.RawBlock;

// Reading values: Parse checked every bitmap, offset and value of every row against the block, so once the row is
// known to be one of the block's, the reads below stay inside it (the column arrays check the column).
internal sealed partial class RawBlockView
{
    /// <summary>True when row <paramref name="row"/> of column <paramref name="column"/> is NULL.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row, int column)
    {
        ref readonly var at = ref _columns[column];
        CheckRow(row);
        if (at.Head < 0) return false;
        ref byte head = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), at.Head);
        return at.Size > 0
            ? (Unsafe.Add(ref head, row >> 3) & RawBlockLayout.BitmapMask(row)) != 0
            : I32(ref Unsafe.Add(ref head, 4 * row)) < 0;
    }

    /// <summary>
    /// Reads an integer, BOOL (0 or 1) or TIMESTAMP (epoch ticks) column at <paramref name="row"/> into
    /// <paramref name="value"/>, widened to 64 bits (sign-extended for the signed types; a BIGINT UNSIGNED as its
    /// bits); false for NULL.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block.</exception>
    /// <exception cref="TaosException">The column holds another type in this block.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryInteger(int row, int column, out long value)
    {
        ref readonly var at = ref _columns[column];
        if (!TryFixed(in at, row, column, out int slot))
        {
            value = 0;
            return false;
        }
        value = IntegerAt(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), slot), at.Type, column);
        return true;
    }

    /// <summary>
    /// Reads a FLOAT or DOUBLE column at <paramref name="row"/> into <paramref name="value"/> (a FLOAT exactly), or an
    /// integer column as a double; false for NULL.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block.</exception>
    /// <exception cref="TaosException">The column holds another type in this block.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReal(int row, int column, out double value)
    {
        ref readonly var at = ref _columns[column];
        if (!TryFixed(in at, row, column, out int slot))
        {
            value = 0;
            return false;
        }
        ref byte bytes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), slot);
        value = at.Type switch
        {
            TaosDataType.Double => BitConverter.Int64BitsToDouble(I64(ref bytes)),
            TaosDataType.Float => BitConverter.Int32BitsToSingle(I32(ref bytes)),
            TaosDataType.UBigInt => unchecked((ulong)I64(ref bytes)),
            _ => IntegerAt(ref bytes, at.Type, column),
        };
        return true;
    }

    /// <summary>
    /// The text of a VARCHAR or JSON (UTF-8) or NCHAR (UCS-4) column at <paramref name="row"/>, decoded now; null for
    /// NULL, and when the column holds another type in this block.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block.</exception>
    public string? Text(int row, int column)
    {
        var type = _columns[column].Type;
        if (type is not (TaosDataType.VarChar or TaosDataType.Json or TaosDataType.NChar)) return null;
        int at = VariableAt(row, column);
        if (at < 0) return null;
        var bytes = new ReadOnlySpan<byte>(_buffer, at + 2, (ushort)I16(ref _buffer[at]));
        return type == TaosDataType.NChar ? Encoding.UTF32.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Reads row <paramref name="row"/> of column <paramref name="column"/> into <paramref name="value"/>: numbers and
    /// timestamps into its slots (timestamps in <paramref name="precision"/>, with the offset of
    /// <paramref name="zone"/> at that instant, none for null), text and bytes as slices of the block's buffer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block.</exception>
    public void Read(int row, int column, ref TaosValue value, TaosPrecision precision, TimeZoneInfo? zone)
    {
        if (IsNull(row, column))
        {
            value.Kind = TaosValueKind.Null;
            value.Ref = null;
        }
        else if (_columns[column].Size < 0)
        {
            int at = VariableAt(row, column);
            value.SetSlice(SliceKind(_columns[column].Type), _buffer, at + 2, (ushort)I16(ref _buffer[at]));
        }
        else
        {
            var at = _columns[column];
            value.Ref = null;
            ReadFixed(ref value, at.Type, ref _buffer[at.Data + (row * at.Size)], precision, zone);
        }
    }

    /// <summary>Reads row <paramref name="row"/> into <paramref name="values"/> (one per column), as <see cref="Read"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the block, or <paramref name="values"/> is too short.</exception>
    public void Fill(int row, TaosValue[] values, TaosPrecision precision, TimeZoneInfo? zone)
    {
        CheckRow(row);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, _columns.Length);
        for (int c = 0; c < _columns.Length; c++)
        {
            Read(row, c, ref values[c], precision, zone);
        }
    }

    /// <summary>The offset from UTC of <paramref name="zone"/>, in minutes, at the timestamp <paramref name="ticks"/> of <paramref name="precision"/>.</summary>
    public static short ZoneOffsetMinutes(long ticks, TaosPrecision precision, TimeZoneInfo zone)
    {
        long perTick = precision switch
        {
            TaosPrecision.Milliseconds => TimeSpan.TicksPerMillisecond,
            TaosPrecision.Microseconds => TimeSpan.TicksPerMicrosecond,
            _ => 0,
        };
        long limit = perTick == 0 ? long.MaxValue : long.MaxValue / perTick;
        if (ticks <= -limit || ticks >= limit) return (short)zone.BaseUtcOffset.TotalMinutes;
        long utc = DateTime.UnixEpoch.Ticks + (perTick == 0 ? ticks / 100 : ticks * perTick);
        var offset = utc >= DateTime.MinValue.Ticks && utc <= DateTime.MaxValue.Ticks
            ? zone.GetUtcOffset(new DateTime(utc, DateTimeKind.Utc))
            : zone.BaseUtcOffset;
        return (short)offset.TotalMinutes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Rows) ThrowNotARow(row);
    }

    // Where a fixed-size column's value at a row is in the buffer; false for NULL.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFixed(in ColumnAt at, int row, int column, out int slot)
    {
        CheckRow(row);
        if (at.Size <= 0) ThrowHolds(column, "fixed-size");
        slot = at.Data + (row * at.Size);
        return at.Head < 0 || (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), at.Head + (row >> 3)) & RawBlockLayout.BitmapMask(row)) == 0;
    }

    // Where a variable-length column's value at a row starts (its 2-byte length), or -1 for NULL.
    private int VariableAt(int row, int column)
    {
        ref readonly var at = ref _columns[column];
        CheckRow(row);
        if (at.Size > 0) ThrowHolds(column, "variable-length");
        int offset = I32(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), at.Head + (4 * row)));
        return offset < 0 ? -1 : at.Data + offset;
    }

    // BIGINT and TIMESTAMP first: one compare each rather than the switch's jump.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long IntegerAt(ref byte slot, TaosDataType type, int column) =>
        type is TaosDataType.Timestamp or TaosDataType.BigInt ? I64(ref slot) : type switch
        {
            TaosDataType.Int => I32(ref slot),
            TaosDataType.UBigInt => I64(ref slot),
            TaosDataType.UInt => (uint)I32(ref slot),
            TaosDataType.SmallInt => I16(ref slot),
            TaosDataType.USmallInt => (ushort)I16(ref slot),
            TaosDataType.TinyInt => unchecked((sbyte)slot),
            TaosDataType.UTinyInt => slot,
            TaosDataType.Bool => slot != 0 ? 1 : 0,
            _ => NotAnInteger(column),
        };

    private static TaosValueKind SliceKind(TaosDataType type) => type switch
    {
        TaosDataType.NChar => TaosValueKind.Ucs4Slice,
        TaosDataType.VarChar or TaosDataType.Json => TaosValueKind.Utf8Slice,
        _ => TaosValueKind.BytesSlice,
    };

    // Reads each value unaligned straight from the block (the wire is little-endian).
    private static void ReadFixed(ref TaosValue value, TaosDataType type, ref byte slot, TaosPrecision precision, TimeZoneInfo? zone)
    {
        switch (type)
        {
            case TaosDataType.Bool: value.Kind = TaosValueKind.Bool; value.Int64 = slot != 0 ? 1 : 0; break;
            case TaosDataType.TinyInt: value.Kind = TaosValueKind.Int64; value.Int64 = unchecked((sbyte)slot); break;
            case TaosDataType.SmallInt: value.Kind = TaosValueKind.Int64; value.Int64 = I16(ref slot); break;
            case TaosDataType.Int: value.Kind = TaosValueKind.Int64; value.Int64 = I32(ref slot); break;
            case TaosDataType.BigInt: value.Kind = TaosValueKind.Int64; value.Int64 = I64(ref slot); break;
            case TaosDataType.UTinyInt: value.Kind = TaosValueKind.UInt64; value.Int64 = slot; break;
            case TaosDataType.USmallInt: value.Kind = TaosValueKind.UInt64; value.Int64 = (ushort)I16(ref slot); break;
            case TaosDataType.UInt: value.Kind = TaosValueKind.UInt64; value.Int64 = (uint)I32(ref slot); break;
            case TaosDataType.UBigInt: value.Kind = TaosValueKind.UInt64; value.Int64 = I64(ref slot); break;
            case TaosDataType.Float: value.Kind = TaosValueKind.Float; value.Double = BitConverter.Int32BitsToSingle(I32(ref slot)); break;
            case TaosDataType.Double: value.Kind = TaosValueKind.Double; value.Double = BitConverter.Int64BitsToDouble(I64(ref slot)); break;
            default:
                value.Kind = TaosValueKind.Timestamp;
                value.Int64 = I64(ref slot);
                value.Precision = precision;
                value.OffsetMinutes = zone is null ? (short)0 : ZoneOffsetMinutes(value.Int64, precision, zone);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short I16(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<short>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<short>(ref at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int I32(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<int>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<int>(ref at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long I64(ref byte at) =>
        BitConverter.IsLittleEndian ? Unsafe.ReadUnaligned<long>(ref at) : BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<long>(ref at));

    private long NotAnInteger(int column)
    {
        ThrowHolds(column, "integer");
        return 0;
    }

    [DoesNotReturn]
    private void ThrowHolds(int column, string what) =>
        throw Malformed($"column {column} holds {_columns[column].Type} values here, not {what} ones");

    [DoesNotReturn]
    private static void ThrowNotARow(int row) => throw new ArgumentOutOfRangeException(nameof(row), row, null);
}
