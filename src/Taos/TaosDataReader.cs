using System.Collections;
using System.Collections.ObjectModel;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Transport;

namespace Taos;

/// <summary>
/// Reads a result forward only, decoding the HTTP body while it arrives (memory stays flat however large the result).
/// </summary>
/// <remarks>
/// Types: BOOL → <see cref="bool"/>, TINYINT → <see cref="sbyte"/>, SMALLINT → <see cref="short"/>, INT → <see cref="int"/>,
/// BIGINT → <see cref="long"/>, the UNSIGNED types → <see cref="byte"/>/<see cref="ushort"/>/<see cref="uint"/>/<see cref="ulong"/>,
/// FLOAT → <see cref="float"/>, DOUBLE → <see cref="double"/>, VARCHAR/NCHAR → <see cref="string"/>,
/// VARBINARY/GEOMETRY (WKB) → <see cref="byte"/>[], JSON → <see cref="string"/> (the JSON text).
/// <para>
/// TIMESTAMP: <see cref="GetDateTime"/> returns a UTC <see cref="DateTime"/> (<see cref="DateTimeKind.Utc"/>) when the
/// connection has no <c>Timezone</c>, else that zone's wall-clock time (<see cref="DateTimeKind.Unspecified"/>).
/// <see cref="GetDateTimeOffset"/> keeps the offset the server rendered. Nanosecond values that are not a multiple of
/// 100 ns do not fit a <see cref="DateTime"/>: <see cref="GetDateTime"/> then throws <see cref="InvalidCastException"/>
/// rather than truncate; <see cref="GetTaosTimestamp"/> (or <c>GetFieldValue&lt;TaosTimestamp&gt;</c>) is always exact.
/// <see cref="GetValue"/> returns <see cref="TaosTimestamp"/> for a TIMESTAMP column of nanosecond precision (and
/// <see cref="GetFieldType"/> says so), else <see cref="DateTime"/> as <see cref="GetDateTime"/>. The precision comes
/// with the result's column metadata (over REST, which does not send it, from the first row's timestamps).
/// </para>
/// </remarks>
public sealed class TaosDataReader : DbDataReader
{
    private readonly TaosCommand _command;
    private readonly ITaosResult _result;
    private readonly TimeZoneInfo? _timeZone;
    private readonly TaosColumnMeta[] _columns;
    private readonly bool[] _nanoTimestamps;
    // The behaviour's flags, tested per row: Enum.HasFlag boxes until the JIT has optimized the caller.
    private readonly bool _schemaOnly;
    private readonly bool _singleRow;
    private TaosValue[] _current;
    private TaosValue[] _pending;
    private bool _hasPending;
    private bool _onRow;
    private bool _closed;
    private bool _ended;
    private long _rowsRead;
    private ReadOnlyCollection<DbColumn>? _schema;

    private TaosDataReader(TaosCommand command, ITaosResult result, CommandBehavior behavior, TimeZoneInfo? timeZone)
    {
        _command = command;
        _result = result;
        Behavior = behavior;
        _schemaOnly = (behavior & CommandBehavior.SchemaOnly) != 0;
        _singleRow = (behavior & CommandBehavior.SingleRow) != 0;
        _timeZone = timeZone;
        _columns = result.AffectedRows is null ? [.. result.Columns] : [];
        _current = new TaosValue[_columns.Length];
        _pending = new TaosValue[_columns.Length];
        _nanoTimestamps = new bool[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            _nanoTimestamps[i] = _columns[i].Type == TaosDataType.Timestamp && _columns[i].Precision == TaosPrecision.Nanoseconds;
        }
    }

    internal CommandBehavior Behavior { get; }

    internal static async ValueTask<TaosDataReader> CreateAsync(TaosCommand command, ITaosResult result, CommandBehavior behavior, bool async, CancellationToken cancellationToken)
    {
        var reader = new TaosDataReader(command, result, behavior, command.Connection?.TimeZone);
        if (reader._columns.Length > 0)
        {
            // Peek at the first row: it tells HasRows.
            reader._hasPending = await result.ReadRowAsync(reader._pending, async, cancellationToken).ConfigureAwait(false);
        }
        return reader;
    }

    /// <inheritdoc/>
    public override int FieldCount => _columns.Length;

    /// <inheritdoc/>
    public override int VisibleFieldCount => _columns.Length;

    /// <summary>Always 0 (no nesting).</summary>
    public override int Depth => 0;

    /// <summary>True when the result has at least one row.</summary>
    public override bool HasRows => !_schemaOnly && (_hasPending || _onRow || _rowsRead > 0);

    /// <inheritdoc/>
    public override bool IsClosed => _closed;

    /// <summary>Rows written by an INSERT (0 for DDL); -1 for a query.</summary>
    public override int RecordsAffected => _result.AffectedRows is long n ? (int)Math.Min(n, int.MaxValue) : -1;

    /// <summary>The number of rows read so far.</summary>
    public long RowsRead => _rowsRead;

    /// <inheritdoc/>
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc/>
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <summary>Moves to the next row.</summary>
    /// <exception cref="TaosException">The answer broke off, was malformed, or timed out.</exception>
    public override bool Read() => ReadAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Read"/>
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => ReadAsync(true, cancellationToken).AsTask();

    internal ValueTask<bool> ReadAsync(bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        cancellationToken.ThrowIfCancellationRequested();
        // SchemaOnly promises columns without rows, SingleRow at most one row, and after NextResult nothing remains.
        if (_ended || _schemaOnly || (_singleRow && _rowsRead > 0))
        {
            _onRow = false;
            return new ValueTask<bool>(false);
        }
        if (_hasPending)
        {
            (_current, _pending) = (_pending, _current);
            _hasPending = false;
            _onRow = true;
            _rowsRead++;
            return new ValueTask<bool>(true);
        }
        if (_columns.Length == 0)
        {
            _onRow = false;
            return new ValueTask<bool>(false);
        }
        // No async state machine unless the next row has to wait for the network.
        var pending = _result.ReadRowAsync(_current, async, cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<bool>(OnRow(pending.Result)) : AwaitRowAsync(pending);
    }

    private async ValueTask<bool> AwaitRowAsync(ValueTask<bool> pending) => OnRow(await pending.ConfigureAwait(false));

    private bool OnRow(bool onRow)
    {
        _onRow = onRow;
        if (onRow) _rowsRead++;
        return onRow;
    }

    /// <summary>Always false: one statement has one result.</summary>
    public override bool NextResult()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _onRow = false;
        _ended = true;
        return false;
    }

    /// <inheritdoc/>
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(NextResult());

    /// <inheritdoc/>
    public override string GetName(int ordinal) => Column(ordinal).Name;

    /// <inheritdoc/>
    public override int GetOrdinal(string name)
    {
        for (int i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Name == name) return i;
        }
        for (int i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new IndexOutOfRangeException(TaosStrings.UnknownColumn(name));
    }

    /// <summary>The TDengine type name, e.g. <c>BIGINT UNSIGNED</c>.</summary>
    public override string GetDataTypeName(int ordinal) => Column(ordinal).TypeName;

    /// <summary>The TDengine type.</summary>
    public TaosDataType GetTaosDataType(int ordinal) => Column(ordinal).Type;

    /// <inheritdoc/>
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal)
    {
        var col = Column(ordinal);
        return _nanoTimestamps[ordinal] ? typeof(TaosTimestamp) : TaosTypes.ClrType(col.Type);
    }

    /// <inheritdoc/>
    public override bool IsDBNull(int ordinal) => Cell(ordinal).IsNull;

    /// <inheritdoc/>
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Task.FromResult(IsDBNull(ordinal));

    /// <summary>The value as its natural .NET type (see the class remarks), or <see cref="DBNull.Value"/>.</summary>
    public override object GetValue(int ordinal)
    {
        ref readonly var v = ref Cell(ordinal);
        if (v.IsNull) return DBNull.Value;
        var col = _columns[ordinal];
        return col.Type switch
        {
            TaosDataType.Bool => GetBoolean(ordinal),
            TaosDataType.TinyInt => (sbyte)IntegerValue(ordinal),
            TaosDataType.SmallInt => (short)IntegerValue(ordinal),
            TaosDataType.Int => (int)IntegerValue(ordinal),
            TaosDataType.BigInt => IntegerValue(ordinal),
            TaosDataType.UTinyInt => (byte)v.UInt64,
            TaosDataType.USmallInt => (ushort)v.UInt64,
            TaosDataType.UInt => (uint)v.UInt64,
            TaosDataType.UBigInt => v.UInt64,
            TaosDataType.Float => (float)v.Double,
            TaosDataType.Double => v.Double,
            TaosDataType.Timestamp => _nanoTimestamps[ordinal] ? GetTaosTimestamp(ordinal) : GetDateTime(ordinal),
            _ => v.Kind switch
            {
                TaosValueKind.Bool => v.Int64 != 0,
                TaosValueKind.Int64 => v.Int64,
                TaosValueKind.UInt64 => v.UInt64,
                TaosValueKind.Float => (float)v.Double,
                TaosValueKind.Double => v.Double,
                TaosValueKind.Timestamp => v.Timestamp,
                _ => v.Ref!,
            },
        };
    }

    /// <inheritdoc/>
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = Math.Min(values.Length, _columns.Length);
        for (int i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }
        return n;
    }

    /// <summary>Reads the value as <typeparamref name="T"/>: the natural type, <see cref="TaosTimestamp"/>, <see cref="DateTimeOffset"/>, or a nullable of them (null for NULL).</summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            if (default(T) is null && typeof(T) != typeof(DBNull) && typeof(T) != typeof(object)) return default!;
            if (typeof(T) == typeof(object) || typeof(T) == typeof(DBNull)) return (T)(object)DBNull.Value;
            throw new InvalidCastException(TaosStrings.ColumnIsNull(_columns[ordinal].Name));
        }
        // T and T? alike (a boxed value unboxes to either).
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target == typeof(TaosTimestamp)) return (T)(object)GetTaosTimestamp(ordinal);
        if (target == typeof(DateTimeOffset)) return (T)(object)GetDateTimeOffset(ordinal);
        if (target == typeof(DateTime)) return (T)(object)GetDateTime(ordinal);
        if (target == typeof(Guid)) return (T)(object)GetGuid(ordinal);
        object value = GetValue(ordinal);
        if (target.IsEnum)
        {
            // Dapper and hand-written mappers read integer columns into enum properties.
            return value is sbyte or short or int or long or byte or ushort or uint or ulong or bool
                ? (T)Enum.ToObject(target, value is bool b ? (b ? 1 : 0) : value)
                : throw Cast(ordinal, typeof(T));
        }
        if (value is T t) return t;
        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target))
        {
            try
            {
                return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
            {
                throw new InvalidCastException(CastMessage(ordinal, typeof(T)), e);
            }
        }
        throw Cast(ordinal, typeof(T));
    }

    /// <inheritdoc/>
    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => Task.FromResult(GetFieldValue<T>(ordinal));

    /// <inheritdoc/>
    public override bool GetBoolean(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.Bool or TaosValueKind.Int64 or TaosValueKind.UInt64 => v.Int64 != 0,
            _ => throw Cast(ordinal, typeof(bool)),
        };
    }

    /// <summary>A TINYINT UNSIGNED (or another integer that fits).</summary>
    public override byte GetByte(int ordinal) => checked((byte)UnsignedValue(ordinal, typeof(byte)));

    /// <summary>A TINYINT (or another integer that fits).</summary>
    public sbyte GetSByte(int ordinal) => checked((sbyte)IntegerValue(ordinal));

    /// <inheritdoc/>
    public override short GetInt16(int ordinal) => checked((short)IntegerValue(ordinal));

    /// <inheritdoc/>
    public override int GetInt32(int ordinal) => checked((int)IntegerValue(ordinal));

    /// <inheritdoc/>
    public override long GetInt64(int ordinal) => IntegerValue(ordinal);

    /// <summary>A SMALLINT UNSIGNED (or another integer that fits).</summary>
    public ushort GetUInt16(int ordinal) => checked((ushort)UnsignedValue(ordinal, typeof(ushort)));

    /// <summary>An INT UNSIGNED (or another integer that fits).</summary>
    public uint GetUInt32(int ordinal) => checked((uint)UnsignedValue(ordinal, typeof(uint)));

    /// <summary>A BIGINT UNSIGNED (or another non-negative integer).</summary>
    public ulong GetUInt64(int ordinal) => UnsignedValue(ordinal, typeof(ulong));

    /// <inheritdoc/>
    public override float GetFloat(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.Float or TaosValueKind.Double => (float)v.Double,
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(float)),
        };
    }

    /// <inheritdoc/>
    public override double GetDouble(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.Float or TaosValueKind.Double => v.Double,
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(double)),
        };
    }

    /// <inheritdoc/>
    public override decimal GetDecimal(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.Float => (decimal)(float)v.Double,
            TaosValueKind.Double => (decimal)v.Double,
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 => v.UInt64,
            _ => throw Cast(ordinal, typeof(decimal)),
        };
    }

    /// <summary>A VARCHAR, NCHAR or JSON value as text.</summary>
    public override string GetString(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind is TaosValueKind.String or TaosValueKind.Json ? (string)v.Ref! : throw Cast(ordinal, typeof(string));
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
        ref readonly var v = ref NonNull(ordinal);
        if (v.Kind != TaosValueKind.Timestamp) throw Cast(ordinal, typeof(DateTime));
        var utc = v.Timestamp.ToDateTime();
        return _timeZone is null
            ? utc
            : DateTime.SpecifyKind(utc.AddMinutes(v.OffsetMinutes), DateTimeKind.Unspecified);
    }

    /// <summary>A TIMESTAMP as <see cref="DateTimeOffset"/> with the offset the server rendered (zero without a connection <c>Timezone</c>).</summary>
    /// <exception cref="InvalidCastException">A nanosecond value that is not a multiple of 100 ns (use <see cref="GetTaosTimestamp"/>).</exception>
    public DateTimeOffset GetDateTimeOffset(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        if (v.Kind != TaosValueKind.Timestamp) throw Cast(ordinal, typeof(DateTimeOffset));
        return v.Timestamp.ToDateTimeOffset(TimeSpan.FromMinutes(v.OffsetMinutes));
    }

    /// <summary>A TIMESTAMP exactly: epoch ticks in the database's precision.</summary>
    public TaosTimestamp GetTaosTimestamp(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind == TaosValueKind.Timestamp ? v.Timestamp : throw Cast(ordinal, typeof(TaosTimestamp));
    }

    /// <summary>Copies bytes of a VARBINARY or GEOMETRY value (or the UTF-8 bytes of a string).</summary>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        ref readonly var v = ref NonNull(ordinal);
        byte[] bytes = v.Kind switch
        {
            TaosValueKind.Bytes => (byte[])v.Ref!,
            TaosValueKind.String or TaosValueKind.Json => Encoding.UTF8.GetBytes((string)v.Ref!),
            _ => throw Cast(ordinal, typeof(byte[])),
        };
        if (buffer is null) return bytes.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(dataOffset);
        // A chunked read asks once past the end and expects 0, as from other providers.
        if (dataOffset >= bytes.Length) return 0;
        int count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc/>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        string s = GetString(ordinal);
        if (buffer is null) return s.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(dataOffset);
        if (dataOffset >= s.Length) return 0;
        int count = (int)Math.Max(0, Math.Min(length, s.Length - dataOffset));
        s.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <summary>The result's columns from <c>column_meta</c> (name, TDengine type, length, .NET type).</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema()
    {
        if (_schema is null)
        {
            var list = new List<DbColumn>(_columns.Length);
            for (int i = 0; i < _columns.Length; i++)
            {
                var c = _columns[i];
                list.Add(new TaosDbColumn(i, c.Name, c.TypeName, c.Type, c.Length, GetFieldType(i)));
            }
            _schema = list.AsReadOnly();
        }
        return _schema;
    }

    /// <inheritdoc/>
    [UnconditionalSuppressMessage("Trimming", "IL2111", Justification = "A schema table's DataType column holds Type objects by design.")]
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.ProviderType, typeof(int));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.IsLong, typeof(bool));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsUnique, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsKey, typeof(bool));
        table.Columns.Add(SchemaTableColumn.BaseColumnName, typeof(string));
        table.Columns.Add(SchemaTableOptionalColumn.IsReadOnly, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsAliased, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsExpression, typeof(bool));
        foreach (TaosDbColumn c in GetColumnSchema().Cast<TaosDbColumn>())
        {
            var row = table.NewRow();
            row[SchemaTableColumn.ColumnName] = c.ColumnName;
            row[SchemaTableColumn.ColumnOrdinal] = c.ColumnOrdinal!.Value;
            row[SchemaTableColumn.ColumnSize] = c.Length;
            row[SchemaTableColumn.NumericPrecision] = DBNull.Value;
            row[SchemaTableColumn.NumericScale] = DBNull.Value;
            row[SchemaTableColumn.DataType] = c.DataType!;
            row[SchemaTableColumn.ProviderType] = (int)c.TaosType;
            row["DataTypeName"] = c.DataTypeName!;
            row[SchemaTableColumn.IsLong] = c.IsLong ?? false;
            row[SchemaTableColumn.AllowDBNull] = true;
            row[SchemaTableColumn.IsUnique] = false;
            row[SchemaTableColumn.IsKey] = false;
            row[SchemaTableColumn.BaseColumnName] = c.ColumnName;
            row[SchemaTableOptionalColumn.IsReadOnly] = true;
            row[SchemaTableColumn.IsAliased] = false;
            row[SchemaTableColumn.IsExpression] = false;
            table.Rows.Add(row);
        }
        return table;
    }

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>Closes the reader; an unread rest of the answer is dropped (the HTTP response is aborted).</summary>
    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        _onRow = false;
        _result.Dispose();
        _command.ReaderClosed(this);
    }

    /// <inheritdoc/>
    public override Task CloseAsync()
    {
        Close();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        Close();
        return default;
    }

    private TaosColumnMeta Column(int ordinal)
    {
        if ((uint)ordinal >= (uint)_columns.Length) throw new IndexOutOfRangeException(TaosStrings.OrdinalOutOfRange(ordinal, _columns.Length));
        return _columns[ordinal];
    }

    private ref readonly TaosValue Cell(int ordinal)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        Column(ordinal);
        if (!_onRow) throw new InvalidOperationException(TaosStrings.NoCurrentRow);
        return ref _current[ordinal];
    }

    private ref readonly TaosValue NonNull(int ordinal)
    {
        ref readonly var v = ref Cell(ordinal);
        if (v.IsNull) throw new InvalidCastException(TaosStrings.ColumnIsNull(_columns[ordinal].Name));
        return ref v;
    }

    private long IntegerValue(int ordinal)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.Int64 or TaosValueKind.Bool => v.Int64,
            TaosValueKind.UInt64 => v.UInt64 <= long.MaxValue ? v.Int64 : throw new OverflowException(CastMessage(ordinal, typeof(long))),
            _ => throw Cast(ordinal, typeof(long)),
        };
    }

    private ulong UnsignedValue(int ordinal, Type requested)
    {
        ref readonly var v = ref NonNull(ordinal);
        return v.Kind switch
        {
            TaosValueKind.UInt64 => v.UInt64,
            TaosValueKind.Int64 when v.Int64 >= 0 => (ulong)v.Int64,
            TaosValueKind.Int64 => throw new OverflowException(CastMessage(ordinal, requested)),
            _ => throw Cast(ordinal, requested),
        };
    }

    private InvalidCastException Cast(int ordinal, Type requested) => new(CastMessage(ordinal, requested));

    private string CastMessage(int ordinal, Type requested) =>
        TaosStrings.InvalidCast(_columns[ordinal].Name, _columns[ordinal].TypeName, requested);
}
