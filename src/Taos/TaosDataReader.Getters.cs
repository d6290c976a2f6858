using System.Runtime.CompilerServices;
using System.Text;
using Taos.Protocol;
using Taos.Protocol.RawBlock;

namespace Taos;

// The typed getters: each decides with one check (ColumnReads, per column) whether the read is allowed.
public sealed partial class TaosDataReader
{
    /// <inheritdoc/>
    /// <summary>A BOOL (no other type reads as bool).</summary>
    public override bool GetBoolean(int ordinal) =>
        (TryBlockInteger(ordinal, ColumnReads.Boolean, out long value) ? value : Typed(ordinal, ColumnReads.Boolean, typeof(bool)).Int64) != 0;

    /// <summary>A TINYINT UNSIGNED (no other type reads as byte).</summary>
    public override byte GetByte(int ordinal) =>
        (byte)(TryBlockInteger(ordinal, ColumnReads.Byte, out long value) ? value : Typed(ordinal, ColumnReads.Byte, typeof(byte)).Int64);

    /// <summary>A TINYINT (no other type reads as sbyte).</summary>
    public sbyte GetSByte(int ordinal) =>
        (sbyte)(TryBlockInteger(ordinal, ColumnReads.SByte, out long value) ? value : Typed(ordinal, ColumnReads.SByte, typeof(sbyte)).Int64);

    /// <summary>An integer column's value; <see cref="OverflowException"/> when it does not fit.</summary>
    public override short GetInt16(int ordinal) => checked((short)IntegerValue(ordinal, ColumnReads.Int16, typeof(short)));

    /// <inheritdoc cref="GetInt16"/>
    public override int GetInt32(int ordinal) => checked((int)IntegerValue(ordinal, ColumnReads.Int32, typeof(int)));

    /// <inheritdoc cref="GetInt16"/>
    public override long GetInt64(int ordinal) => IntegerValue(ordinal, ColumnReads.Int64, typeof(long));

    /// <inheritdoc cref="GetInt16"/>
    public ushort GetUInt16(int ordinal) => checked((ushort)UnsignedValue(ordinal, ColumnReads.UInt16, typeof(ushort)));

    /// <inheritdoc cref="GetInt16"/>
    public uint GetUInt32(int ordinal) => checked((uint)UnsignedValue(ordinal, ColumnReads.UInt32, typeof(uint)));

    /// <inheritdoc cref="GetInt16"/>
    public ulong GetUInt64(int ordinal) => UnsignedValue(ordinal, ColumnReads.UInt64, typeof(ulong));

    /// <summary>A FLOAT, or an 8- or 16-bit integer (which a float holds exactly); not a DOUBLE.</summary>
    public override float GetFloat(int ordinal) =>
        InBlock(ordinal, ColumnReads.Float) && _block!.TryReal(_blockRow, ordinal, out double real) ? (float)real : CellFloat(ordinal);

    // The cell path of the getters below (REST rows, NULLs, errors) is a call of its own: the block path stays short.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private float CellFloat(int ordinal)
    {
        ref readonly var v = ref Typed(ordinal, ColumnReads.Float, typeof(float));
        return v.Kind switch
        {
            TaosValueKind.Float or TaosValueKind.Double => (float)v.Double,
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(float)),
        };
    }

    /// <summary>A DOUBLE or FLOAT, or an integer of up to 32 bits (which a double holds exactly).</summary>
    public override double GetDouble(int ordinal) =>
        InBlock(ordinal, ColumnReads.Double) && _block!.TryReal(_blockRow, ordinal, out double real) ? real : CellDouble(ordinal);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private double CellDouble(int ordinal)
    {
        ref readonly var v = ref Typed(ordinal, ColumnReads.Double, typeof(double));
        return v.Kind switch
        {
            TaosValueKind.Float or TaosValueKind.Double => v.Double,
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(double)),
        };
    }

    /// <summary>An integer column's value (FLOAT and DOUBLE do not read as decimal: the conversion is not exact).</summary>
    public override decimal GetDecimal(int ordinal)
    {
        if (TryBlockInteger(ordinal, ColumnReads.Decimal, out long value))
        {
            return _block!.TypeOf(ordinal) == TaosDataType.UBigInt ? unchecked((ulong)value) : value;
        }
        ref readonly var v = ref Typed(ordinal, ColumnReads.Decimal, typeof(decimal));
        return v.Kind switch
        {
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(decimal)),
        };
    }

    /// <summary>A VARCHAR, NCHAR or JSON value as text.</summary>
    public override string GetString(int ordinal) =>
        (InBlock(ordinal, ColumnReads.String) ? _block!.Text(_blockRow, ordinal) : null) ?? CellString(ordinal);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string CellString(int ordinal)
    {
        ref readonly var v = ref Typed(ordinal, ColumnReads.String, typeof(string));
        return v.Ref as string ?? v.Object as string ?? throw Cast(ordinal, typeof(string));
    }

    /// <inheritdoc/>
    public override char GetChar(int ordinal)
    {
        string s = GetString(ordinal);
        return s.Length == 1 ? s[0] : throw Cast(ordinal, typeof(char));
    }

    /// <inheritdoc/>
    public override Guid GetGuid(int ordinal) => Guid.TryParse(GetString(ordinal), out var g) ? g : throw Cast(ordinal, typeof(Guid));

    /// <summary>
    /// A TIMESTAMP as <see cref="DateTime"/>: UTC without a connection <c>Timezone</c>, else that zone's wall-clock time (kind Unspecified).
    /// </summary>
    /// <exception cref="InvalidCastException">A nanosecond value that is not a multiple of 100 ns (use <see cref="GetTaosTimestamp"/>).</exception>
    public override DateTime GetDateTime(int ordinal)
    {
        if (!TryBlockInteger(ordinal, ColumnReads.Timestamp, out long ticks)) return CellDateTime(ordinal);
        var precision = _columns[ordinal].Precision;
        var at = TaosTimestamp.UtcDateTime(ticks, precision);
        return _timeZone is null ? at : Zoned(at, RawBlockView.ZoneOffsetMinutes(ticks, precision, _timeZone));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DateTime CellDateTime(int ordinal)
    {
        ref readonly var v = ref Typed(ordinal, ColumnReads.Timestamp, typeof(DateTime));
        var utc = TaosTimestamp.UtcDateTime(v.Int64, v.Precision);
        return _timeZone is null ? utc : Zoned(utc, v.OffsetMinutes);
    }

    // The connection zone's wall-clock time of a UTC time, at the zone's offset then.
    private static DateTime Zoned(DateTime utc, short offsetMinutes) =>
        DateTime.SpecifyKind(utc.AddMinutes(offsetMinutes), DateTimeKind.Unspecified);

    /// <summary>A TIMESTAMP as <see cref="DateTimeOffset"/> with the offset the server rendered (zero without a connection <c>Timezone</c>).</summary>
    /// <exception cref="InvalidCastException">A nanosecond value that is not a multiple of 100 ns (use <see cref="GetTaosTimestamp"/>).</exception>
    public DateTimeOffset GetDateTimeOffset(int ordinal)
    {
        if (TryBlockInteger(ordinal, ColumnReads.Timestamp, out long ticks))
        {
            var at = new TaosTimestamp(ticks, _columns[ordinal].Precision);
            short offset = _timeZone is null ? (short)0 : RawBlockView.ZoneOffsetMinutes(at.EpochTicks, at.Precision, _timeZone);
            return at.ToDateTimeOffset(TimeSpan.FromMinutes(offset));
        }
        ref readonly var v = ref Typed(ordinal, ColumnReads.Timestamp, typeof(DateTimeOffset));
        return v.Timestamp.ToDateTimeOffset(TimeSpan.FromMinutes(v.OffsetMinutes));
    }

    /// <summary>A TIMESTAMP exactly: epoch ticks in the database's precision.</summary>
    public TaosTimestamp GetTaosTimestamp(int ordinal)
    {
        if (TryBlockInteger(ordinal, ColumnReads.Timestamp, out long ticks)) return new TaosTimestamp(ticks, _columns[ordinal].Precision);
        return Typed(ordinal, ColumnReads.Timestamp, typeof(TaosTimestamp)).Timestamp;
    }

    /// <summary>Copies bytes of a VARBINARY or GEOMETRY value (or the UTF-8 bytes of a string).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="dataOffset"/>, or a buffer range outside <paramref name="buffer"/>.</exception>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        ref readonly var v = ref Typed(ordinal, ColumnReads.Stream, typeof(byte[]));
        if (v.Kind is TaosValueKind.BytesSlice or TaosValueKind.Utf8Slice) return ChunkCopy.Copy(v.Slice, dataOffset, buffer, bufferOffset, length);
        byte[] bytes = v.Object as byte[] ?? Encoding.UTF8.GetBytes((string)v.Object!);
        return ChunkCopy.Copy<byte>(bytes, dataOffset, buffer, bufferOffset, length);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">A negative <paramref name="dataOffset"/>, or a buffer range outside <paramref name="buffer"/>.</exception>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        ChunkCopy.Copy(GetString(ordinal).AsSpan(), dataOffset, buffer, bufferOffset, length);
}
