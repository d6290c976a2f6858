using Taos.Protocol;
using Taos.Protocol.RawBlock;
using Taos.Transport.WebSocket.Stmt;

namespace Taos;

// The typed appenders: each writes the next column of the current row into its buffer, in the column's wire form.
public sealed partial class TaosBulkWriter
{
    /// <summary>Appends NULL to the next column.</summary>
    public TaosBulkWriter AppendNull()
    {
        Next().AppendNull();
        _column++;
        return this;
    }

    /// <summary>Appends a BOOL value to the next column.</summary>
    /// <exception cref="TaosException">The column is not BOOL (the row is dropped).</exception>
    public TaosBulkWriter Append(bool value)
    {
        var column = Next();
        if (column.Type != TaosDataType.Bool) throw Refuse(new InvalidCastException(Mismatch("bool", column)));
        column.Append8(value ? (byte)1 : (byte)0);
        _column++;
        return this;
    }

    /// <summary>Appends an integer to the next column (any integer type, FLOAT, DOUBLE; in a TIMESTAMP column a count of the table's precision).</summary>
    /// <exception cref="TaosException">The value does not fit the column (the row is dropped).</exception>
    public TaosBulkWriter Append(long value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(int value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(short value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(sbyte value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(byte value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(ushort value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(uint value) => AppendInteger(value);

    /// <inheritdoc cref="Append(long)"/>
    public TaosBulkWriter Append(ulong value)
    {
        var column = Next();
        if (column.Type == TaosDataType.UBigInt)
        {
            column.Append64(value);
            _column++;
            return this;
        }
        return value > long.MaxValue ? throw Refuse(new OverflowException($"{value} is out of the range of {TaosTypes.Name(column.Type)}")) : AppendInteger((long)value);
    }

    /// <summary>Appends a FLOAT value to the next column (a DOUBLE column widens it).</summary>
    /// <exception cref="TaosException">The column is not FLOAT or DOUBLE (the row is dropped).</exception>
    public TaosBulkWriter Append(float value)
    {
        var column = Next();
        if (column.Type == TaosDataType.Float) column.Append32(BitConverter.SingleToUInt32Bits(value));
        else if (column.Type == TaosDataType.Double) column.Append64(BitConverter.DoubleToUInt64Bits(value));
        else throw Refuse(new InvalidCastException(Mismatch("float", column)));
        _column++;
        return this;
    }

    /// <summary>Appends a DOUBLE value to the next column (a FLOAT column narrows it, refusing values beyond its range).</summary>
    /// <exception cref="TaosException">The column is not FLOAT or DOUBLE, or the value is too large for FLOAT (the row is dropped).</exception>
    public TaosBulkWriter Append(double value)
    {
        var column = Next();
        if (column.Type == TaosDataType.Double) column.Append64(BitConverter.DoubleToUInt64Bits(value));
        else if (column.Type == TaosDataType.Float && (!double.IsFinite(value) || Math.Abs(value) <= float.MaxValue)) column.Append32(BitConverter.SingleToUInt32Bits((float)value));
        else throw Refuse(column.Type == TaosDataType.Float ? new OverflowException($"{value} is out of the range of FLOAT") : new InvalidCastException(Mismatch("double", column)));
        _column++;
        return this;
    }

    /// <summary>Appends a TIMESTAMP to the next column, exactly (nanoseconds included; refused when finer than the table's precision).</summary>
    /// <exception cref="TaosException">The column is not TIMESTAMP, or the value has digits below its precision (the row is dropped).</exception>
    public TaosBulkWriter Append(TaosTimestamp value)
    {
        var column = Timestamp("TaosTimestamp");
        try
        {
            column.Append64(unchecked((ulong)StmtValues.TicksOf(value, _precision)));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw Refuse(e);
        }
        _column++;
        return this;
    }

    /// <summary>Appends a TIMESTAMP to the next column (an unspecified <see cref="DateTime"/> is in the connection's <c>Timezone</c>, else UTC).</summary>
    /// <exception cref="TaosException">The column is not TIMESTAMP, or the value has digits below its precision (the row is dropped).</exception>
    public TaosBulkWriter Append(DateTime value)
    {
        var column = Timestamp("DateTime");
        try
        {
            column.Append64(unchecked((ulong)TaosTimestamp.FromDateTime(StmtValues.ToUtc(value, _zone), _precision).EpochTicks));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw Refuse(e);
        }
        _column++;
        return this;
    }

    /// <inheritdoc cref="Append(DateTime)"/>
    public TaosBulkWriter Append(DateTimeOffset value) => Append(value.UtcDateTime);

    /// <summary>
    /// Appends text to the next column: VARCHAR and JSON as UTF-8, NCHAR as UCS-4 (null appends NULL); a TIMESTAMP
    /// column parses RFC 3339 text.
    /// </summary>
    /// <exception cref="TaosException">The column takes no text, or the text is longer than the column (the row is dropped).</exception>
    public TaosBulkWriter Append(string? value)
    {
        if (value is null) return AppendNull();
        var column = Next();
        try
        {
            switch (column.Type)
            {
                case TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json: column.AppendString(value); break;
                case TaosDataType.Timestamp: column.Append64(unchecked((ulong)StmtValues.TicksOf(TaosTimestamp.Parse(value), _precision))); break;
                default: throw new InvalidCastException(Mismatch("String", column));
            }
        }
        catch (Exception e) when (e is InvalidCastException or ArgumentException or FormatException or OverflowException)
        {
            throw Refuse(e);
        }
        _column++;
        return this;
    }

    /// <summary>Appends bytes to the next column: VARBINARY and GEOMETRY (WKB) as they are, VARCHAR/JSON as UTF-8 text already encoded.</summary>
    /// <exception cref="TaosException">The column is not of those types, or the value is longer than the column (the row is dropped).</exception>
    public TaosBulkWriter Append(ReadOnlySpan<byte> value)
    {
        var column = Next();
        if (column.Type is not (TaosDataType.VarBinary or TaosDataType.Geometry or TaosDataType.VarChar or TaosDataType.Json))
        {
            throw Refuse(new InvalidCastException(Mismatch("byte span", column)));
        }
        try
        {
            column.AppendBytes(value);
        }
        catch (ArgumentException e)
        {
            throw Refuse(e);
        }
        _column++;
        return this;
    }

    /// <summary>
    /// Appends a boxed value to the next column, converted as stmt binds values (null and <see cref="DBNull"/> are
    /// NULL; integers range-checked; timestamps from <see cref="TaosTimestamp"/>, <see cref="DateTime"/>,
    /// <see cref="DateTimeOffset"/>, text or a count of the precision; text; bytes).
    /// </summary>
    /// <exception cref="TaosException">The value does not fit the column (the row is dropped).</exception>
    public TaosBulkWriter AppendValue(object? value)
    {
        var column = Next();
        try
        {
            StmtValues.Append(column, value, _precision, _zone);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException or FormatException)
        {
            throw Refuse(e);
        }
        _column++;
        return this;
    }

    // The range checks are comparisons (no checked conversions, no exception handling on the way of a value that fits).
    private TaosBulkWriter AppendInteger(long value)
    {
        var column = Next();
        switch (column.Type)
        {
            case TaosDataType.BigInt or TaosDataType.Timestamp: column.Append64(unchecked((ulong)value)); break;
            case TaosDataType.Int when value is >= int.MinValue and <= int.MaxValue: column.Append32(unchecked((uint)value)); break;
            case TaosDataType.SmallInt when value is >= short.MinValue and <= short.MaxValue: column.Append16(unchecked((ushort)value)); break;
            case TaosDataType.TinyInt when value is >= sbyte.MinValue and <= sbyte.MaxValue: column.Append8(unchecked((byte)value)); break;
            case TaosDataType.UBigInt when value >= 0: column.Append64((ulong)value); break;
            case TaosDataType.UInt when value is >= 0 and <= uint.MaxValue: column.Append32((uint)value); break;
            case TaosDataType.USmallInt when value is >= 0 and <= ushort.MaxValue: column.Append16((ushort)value); break;
            case TaosDataType.UTinyInt when value is >= 0 and <= byte.MaxValue: column.Append8((byte)value); break;
            case TaosDataType.Double: column.Append64(BitConverter.DoubleToUInt64Bits(value)); break;
            case TaosDataType.Float: column.Append32(BitConverter.SingleToUInt32Bits(value)); break;
            default: throw RefuseInteger(column, value);
        }
        _column++;
        return this;
    }

    private TaosException RefuseInteger(BindColumn column, long value) => Refuse(column.Type is TaosDataType.Int or TaosDataType.SmallInt
        or TaosDataType.TinyInt or TaosDataType.UBigInt or TaosDataType.UInt or TaosDataType.USmallInt or TaosDataType.UTinyInt
        ? new OverflowException($"{value} is out of the range of {TaosTypes.Name(column.Type)}")
        : new InvalidCastException(Mismatch("integer", column)));

    private BindColumn Timestamp(string given)
    {
        var column = Next();
        return column.Type == TaosDataType.Timestamp ? column : throw Refuse(new InvalidCastException(Mismatch(given, column)));
    }

    // The column the next value goes to: one array and one index check while the row has columns left.
    private BindColumn Next()
    {
        var columns = _columns;
        int index = _column;
        return columns is not null && (uint)index < (uint)columns.Length && !_completed ? columns[index] : NoNextColumn();
    }

    private BindColumn NoNextColumn()
    {
        var columns = Columns();
        DropPartialRow();
        throw new TaosException(TaosStrings.BulkWriterLongRow(RowNumber, CurrentTable ?? TargetTable, columns.Length));
    }

    // Drops the row being appended and names the column and the row in the exception.
    private TaosException Refuse(Exception cause)
    {
        int index = _column;
        var type = _columns![index].Type;
        DropPartialRow();
        return new TaosException(TaosStrings.BulkWriterBadValue(RowNumber, CurrentTable ?? TargetTable, _columnNames[index], index, type, cause.Message),
            innerException: cause);
    }

    private static string Mismatch(string given, BindColumn column) => $"a {given} is not a value of a {TaosTypes.Name(column.Type)} column";
}
