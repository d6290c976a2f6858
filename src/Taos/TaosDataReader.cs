using System.Collections;
using System.Collections.ObjectModel;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using Taos.Protocol;
using Taos.Transport;

namespace Taos;

/// <summary>
/// Reads a result forward only, decoding the HTTP body while it arrives (memory stays flat however large the result);
/// over WebSocket (and for TMQ messages) the getters read each value straight out of the received raw block.
/// </summary>
/// <remarks>
/// Types: BOOL → <see cref="bool"/>, TINYINT → <see cref="sbyte"/>, SMALLINT → <see cref="short"/>, INT → <see cref="int"/>,
/// BIGINT → <see cref="long"/>, the UNSIGNED types → <see cref="byte"/>/<see cref="ushort"/>/<see cref="uint"/>/<see cref="ulong"/>,
/// FLOAT → <see cref="float"/>, DOUBLE → <see cref="double"/>, VARCHAR/NCHAR → <see cref="string"/>,
/// VARBINARY/GEOMETRY (WKB) → <see cref="byte"/>[], JSON → <see cref="string"/> (the JSON text).
/// <para>
/// Conversions follow the ADO.NET specification: a typed getter, and <see cref="GetFieldValue{T}"/> of its type, reads
/// a column as its own type and lossless widenings only (the integer getters read every integer type and throw
/// <see cref="OverflowException"/> for a value that does not fit); anything else throws
/// <see cref="InvalidCastException"/>. The rule is decided once per column, so getters stay allocation-free.
/// </para>
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
public sealed partial class TaosDataReader : DbDataReader
{
    private readonly TaosCommand _command;
    private readonly StatementCursor _statements;
    private readonly TimeZoneInfo? _timeZone;
    private ITaosResult _result = null!;
    private TaosColumnMeta[] _columns = null!;
    private bool[] _nanoTimestamps = null!;
    private ColumnReads[] _reads = null!;
    private bool _hasResultSet;
    private long? _affected;
    // The behaviour's flags, tested per row: Enum.HasFlag boxes until the JIT has optimized the caller.
    private readonly bool _schemaOnly;
    private readonly bool _singleRow;
    private TaosValue[] _current = null!;
    private TaosValue[] _pending = null!;
    private bool _hasPending;
    private bool _onRow;
    private bool _closed;
    private bool _ended;
    private long _rowsRead;
    private ReadOnlyCollection<DbColumn>? _schema;

    private TaosDataReader(TaosCommand command, StatementCursor statements, ITaosResult result, CommandBehavior behavior, TimeZoneInfo? timeZone)
    {
        _command = command;
        _statements = statements;
        Behavior = behavior;
        _schemaOnly = (behavior & CommandBehavior.SchemaOnly) != 0;
        _singleRow = (behavior & CommandBehavior.SingleRow) != 0;
        _timeZone = timeZone;
        Load(result);
    }

    // Makes the statement's result the current one (NextResult), positioned before its first row.
    private void Load(ITaosResult result)
    {
        (_result, _hasResultSet, _hasPending, _onRow, _ended, _rowsRead, _schema) = (result, result.AffectedRows is null && result.Columns.Count > 0, false, false, false, 0, null);
        if (result.AffectedRows is long n) _affected = (_affected ?? 0) + n;
        _columns = _hasResultSet ? [.. result.Columns] : [];
        _current = new TaosValue[_columns.Length];
        _pending = new TaosValue[_columns.Length];
        _nanoTimestamps = new bool[_columns.Length];
        _reads = new ColumnReads[_columns.Length];
        (_blocks, _block, _blockRow) = (result as ITaosResultBlocks, null, -1);
        for (int i = 0; i < _columns.Length; i++)
        {
            _nanoTimestamps[i] = _columns[i].Type == TaosDataType.Timestamp && _columns[i].Precision == TaosPrecision.Nanoseconds;
            _reads[i] = ColumnReadRules.For(_columns[i].Type);
        }
    }

    internal CommandBehavior Behavior { get; }

    // Statements: those after the one that gave result (none when null).
    internal static async ValueTask<TaosDataReader> CreateAsync(TaosCommand command, ITaosResult result, CommandBehavior behavior, bool async, CancellationToken cancellationToken, StatementCursor? statements = null)
    {
        var reader = new TaosDataReader(command, statements ?? new StatementCursor([]), result, behavior, command.Connection?.TimeZone);
        await reader.PeekAsync(async, cancellationToken).ConfigureAwait(false);
        return reader;
    }

    // Peek at the first row: it tells HasRows.
    private async ValueTask PeekAsync(bool async, CancellationToken cancellationToken)
    {
        if (_columns.Length == 0) return;
        try
        {
            _hasPending = _blocks is { } blocks
                ? OnBlock(await blocks.NextBlockAsync(async, cancellationToken).ConfigureAwait(false), -1)
                : await _result.ReadRowAsync(_pending, async, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _statements.Abandon();
            throw;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The reader is closed.</exception>
    public override int FieldCount => Open()._columns.Length;

    /// <inheritdoc/>
    public override int VisibleFieldCount => FieldCount;

    /// <summary>Always 0 (no nesting).</summary>
    public override int Depth => 0;

    /// <summary>True when the result has at least one row.</summary>
    public override bool HasRows => !_schemaOnly && (_hasPending || _onRow || _rowsRead > 0);

    /// <inheritdoc/>
    public override bool IsClosed => _closed;

    /// <summary>Rows written by the INSERTs run so far (0 for DDL), all of the command's once the reader is closed; -1 when none of them was an INSERT or DDL.</summary>
    public override int RecordsAffected => TaosCommand.ToRecordsAffected(_affected);

    /// <summary>The number of rows of the current result read so far.</summary>
    public long RowsRead => _rowsRead;

    /// <inheritdoc/>
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc/>
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <summary>Moves to the next row.</summary>
    /// <exception cref="TaosException">The answer broke off, was malformed, or timed out.</exception>
    public override bool Read()
    {
        // The next row of the current raw block is one step away (on a row, the reader is open and not past its end).
        if (_onRow && _block is { } block && _blockRow + 1 < block.Rows && !_singleRow)
        {
            _blockRow++;
            _rowsRead++;
            return true;
        }
        return ReadAsync(false, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc cref="Read"/>
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<bool>(cancellationToken) : ReadAsync(true, cancellationToken).AsTask();

    internal ValueTask<bool> ReadAsync(bool async, CancellationToken cancellationToken)
    {
        Open();
        cancellationToken.ThrowIfCancellationRequested();
        // SchemaOnly promises columns without rows, SingleRow at most one row, and after NextResult nothing remains.
        if (_ended || _schemaOnly || (_singleRow && _rowsRead > 0))
        {
            _onRow = false;
            return new ValueTask<bool>(false);
        }
        if (_blocks is { } blocks) return ReadBlockRowAsync(blocks, async, cancellationToken);
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
        ValueTask<bool> pending;
        try
        {
            pending = _result.ReadRowAsync(_current, async, cancellationToken);
        }
        catch
        {
            _statements.Abandon();
            throw;
        }
        return pending.IsCompletedSuccessfully ? new ValueTask<bool>(OnRow(pending.Result)) : AwaitRowAsync(pending);
    }

    private async ValueTask<bool> AwaitRowAsync(ValueTask<bool> pending)
    {
        try
        {
            return OnRow(await pending.ConfigureAwait(false));
        }
        catch
        {
            // A read that fails mid-result (network, malformed answer, timeout) abandons the statements after it.
            _statements.Abandon();
            throw;
        }
    }

    private bool OnRow(bool onRow)
    {
        _onRow = onRow;
        if (onRow) _rowsRead++;
        return onRow;
    }

    /// <summary>Runs the command's next statement and moves to its result (dropping the unread rest of this one); false when none remains, or with SingleResult/SingleRow.</summary>
    /// <exception cref="TaosException">TDengine rejected the next statement (its position and text are in the message).</exception>
    public override bool NextResult() => NextResultAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="NextResult"/>
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<bool>(cancellationToken) : NextResultAsync(true, cancellationToken).AsTask();

    internal async ValueTask<bool> NextResultAsync(bool async, CancellationToken cancellationToken)
    {
        Open();
        _onRow = false;
        _ended = true;
        if ((Behavior & (CommandBehavior.SingleResult | CommandBehavior.SingleRow)) != 0 || !_statements.HasNext) return false;
        await DisposeResultAsync(async).ConfigureAwait(false);
        Load(EmptyResult.Instance);
        Load(await _command.RunStatementAsync(_statements, async, cancellationToken).ConfigureAwait(false));
        await PeekAsync(async, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public override string GetName(int ordinal) => Column(ordinal).Name;

    /// <inheritdoc/>
    public override int GetOrdinal(string name)
    {
        Open();
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
    public override bool IsDBNull(int ordinal) =>
        _onRow && (uint)ordinal < (uint)_current.Length
            ? (_block is { } block ? block.IsNull(_blockRow, ordinal) : _current[ordinal].IsNull)
            : Cell(ordinal).IsNull;

    /// <inheritdoc/>
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<bool>(cancellationToken) : Task.FromResult(IsDBNull(ordinal));

    /// <summary>The value as its natural .NET type (see the class remarks), or <see cref="DBNull.Value"/>.</summary>
    public override object GetValue(int ordinal)
    {
        ref readonly var v = ref Cell(ordinal);
        if (v.IsNull) return DBNull.Value;
        var col = _columns[ordinal];
        return col.Type switch
        {
            TaosDataType.Bool => GetBoolean(ordinal),
            TaosDataType.TinyInt => (sbyte)v.Int64,
            TaosDataType.SmallInt => (short)v.Int64,
            TaosDataType.Int => (int)v.Int64,
            TaosDataType.BigInt => v.Int64,
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
                _ => v.Object!,
            },
        };
    }

    /// <inheritdoc/>
    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Open()._onRow) throw new InvalidOperationException(TaosStrings.NoCurrentRow);
        int n = Math.Min(values.Length, _columns.Length);
        for (int i = 0; i < n; i++)
        {
            values[i] = GetValue(i);
        }
        return n;
    }

    /// <summary>
    /// Reads the value as <typeparamref name="T"/>, exactly as strict as the typed getter of that type (see the
    /// README's conversion table); also <see cref="TaosTimestamp"/>, <see cref="DateTimeOffset"/>, <see cref="Stream"/>,
    /// <see cref="TextReader"/>, <see cref="object"/>, enums over integer columns, and nullables of the value types
    /// (null for NULL).
    /// </summary>
    /// <exception cref="InvalidCastException">The column is not of a type that reads as <typeparamref name="T"/>, or is
    /// NULL and <typeparamref name="T"/> cannot hold null (strings, streams and arrays included).</exception>
    /// <exception cref="OverflowException">An integer that does not fit <typeparamref name="T"/>.</exception>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (IsDBNull(ordinal))
        {
            if (typeof(T) == typeof(object) || typeof(T) == typeof(DBNull)) return (T)(object)DBNull.Value;
            if (Nullable.GetUnderlyingType(typeof(T)) is not null) return default!;
            throw new InvalidCastException(TaosStrings.ColumnIsNull(_columns[ordinal].Name));
        }
        // The JIT keeps one branch per value type T, without boxing.
        if (typeof(T) == typeof(int)) return (T)(object)GetInt32(ordinal);
        if (typeof(T) == typeof(long)) return (T)(object)GetInt64(ordinal);
        if (typeof(T) == typeof(double)) return (T)(object)GetDouble(ordinal);
        if (typeof(T) == typeof(float)) return (T)(object)GetFloat(ordinal);
        if (typeof(T) == typeof(DateTime)) return (T)(object)GetDateTime(ordinal);
        if (typeof(T) == typeof(TaosTimestamp)) return (T)(object)GetTaosTimestamp(ordinal);
        if (typeof(T) == typeof(string)) return (T)(object)GetString(ordinal);
        return FieldValueOther<T>(ordinal, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    private T FieldValueOther<T>(int ordinal, Type target)
    {
        object? value = Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => GetBoolean(ordinal),
            TypeCode.Byte => GetByte(ordinal),
            TypeCode.SByte => GetSByte(ordinal),
            TypeCode.Int16 => GetInt16(ordinal),
            TypeCode.Int32 when !target.IsEnum => GetInt32(ordinal),
            TypeCode.Int64 when !target.IsEnum => GetInt64(ordinal),
            TypeCode.UInt16 => GetUInt16(ordinal),
            TypeCode.UInt32 => GetUInt32(ordinal),
            TypeCode.UInt64 => GetUInt64(ordinal),
            TypeCode.Single => GetFloat(ordinal),
            TypeCode.Double => GetDouble(ordinal),
            TypeCode.Decimal => GetDecimal(ordinal),
            TypeCode.Char => GetChar(ordinal),
            TypeCode.String => GetString(ordinal),
            TypeCode.DateTime => GetDateTime(ordinal),
            _ => null,
        };
        if (target.IsEnum) return ToEnum<T>(ordinal, target);
        if (value is not null) return (T)value;
        if (target == typeof(TaosTimestamp)) return (T)(object)GetTaosTimestamp(ordinal);
        if (target == typeof(DateTimeOffset)) return (T)(object)GetDateTimeOffset(ordinal);
        if (target == typeof(Guid)) return (T)(object)GetGuid(ordinal);
        if (target == typeof(Stream)) return (T)(object)GetStream(ordinal);
        if (target == typeof(TextReader)) return (T)(object)GetTextReader(ordinal);
        if (target == typeof(byte[]) && (_reads[ordinal] & ColumnReads.Bytes) == 0) throw Cast(ordinal, target);
        return GetValue(ordinal) is T t ? t : throw Cast(ordinal, typeof(T));
    }

    // Dapper and hand-written mappers read integer columns into enum properties.
    private T ToEnum<T>(int ordinal, Type target)
    {
        if ((_reads[ordinal] & ColumnReads.Int64) == 0) throw Cast(ordinal, target);
        ref readonly var v = ref Cell(ordinal);
        return (T)(v.Kind == TaosValueKind.UInt64 ? Enum.ToObject(target, v.UInt64) : Enum.ToObject(target, v.Int64));
    }

    /// <inheritdoc/>
    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<T>(cancellationToken) : Task.FromResult(GetFieldValue<T>(ordinal));

    /// <summary>A VARBINARY or GEOMETRY value, or the UTF-8 bytes of a VARCHAR, NCHAR or JSON value, as a read-only stream.</summary>
    public override Stream GetStream(int ordinal)
    {
        return Typed(ordinal, ColumnReads.Stream, typeof(Stream)).OpenStream();
    }

    /// <summary>A VARCHAR, NCHAR or JSON value as a reader.</summary>
    public override TextReader GetTextReader(int ordinal) => new StringReader(GetString(ordinal));

    /// <summary>The result's columns from <c>column_meta</c> (name, TDengine type, length, .NET type).</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() => _schema ??= TaosSchemaTable.Columns(Open()._columns, GetFieldType);

    /// <summary>The result's columns as a schema table; null for a statement without a result set (DDL, INSERT).</summary>
    public override DataTable? GetSchemaTable()
    {
        if (!Open()._hasResultSet) return null;
        return TaosSchemaTable.Build(GetColumnSchema().Cast<TaosDbColumn>());
    }

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>Closes the reader: drops the unread rest of the answer, then runs the statements <see cref="NextResult"/> did not reach (unless cancelled, or a statement or a read failed).</summary>
    /// <exception cref="TaosException">One of the remaining statements failed; the reader is closed all the same.</exception>
    public override void Close() => CloseAsync(false).GetAwaiter().GetResult();

    /// <inheritdoc cref="Close"/>
    public override Task CloseAsync() => CloseAsync(true).AsTask();

    private async ValueTask CloseAsync(bool async)
    {
        if (_closed) return;
        _onRow = false;
        try
        {
            await DisposeResultAsync(async).ConfigureAwait(false);
            long? rest = await _command.RunRestAsync(_statements, async, CancellationToken.None).ConfigureAwait(false);
            if (rest is long n) _affected = (_affected ?? 0) + n;
        }
        finally
        {
            _closed = true;
            _command.ReaderClosed(this);
        }
    }

    private ValueTask DisposeResultAsync(bool async)
    {
        if (async) return _result.DisposeAsync();
        _result.Dispose();
        return default;
    }

    /// <inheritdoc cref="Close"/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    /// <inheritdoc cref="Close"/>
    public override ValueTask DisposeAsync() => CloseAsync(true);

    private TaosDataReader Open() => _closed ? throw new InvalidOperationException(TaosStrings.ReaderClosed) : this;

    private TaosColumnMeta Column(int ordinal)
    {
        if (Open()._columns.Length == 0) throw new InvalidOperationException(TaosStrings.NoResultSet);
        if ((uint)ordinal >= (uint)_columns.Length) throw new IndexOutOfRangeException(TaosStrings.OrdinalOutOfRange(ordinal, _columns.Length));
        return _columns[ordinal];
    }

    private ref readonly TaosValue Cell(int ordinal)
    {
        Column(ordinal);
        if (!_onRow) throw new InvalidOperationException(TaosStrings.NoCurrentRow);
        ref var cell = ref _current[ordinal];
        // A value of a raw block comes into its cell only when a read on the cell path asks for it.
        _block?.Read(_blockRow, ordinal, ref cell, _columns[ordinal].Precision, _timeZone);
        return ref cell;
    }

    // The column's type decides whether the read is allowed (one bit test); then the value must not be NULL.
    // On a row (so open, with columns), an allowed read of a non-NULL value returns after one combined check.
    private ref readonly TaosValue Typed(int ordinal, ColumnReads read, Type requested)
    {
        if (_onRow && _block is null && (uint)ordinal < (uint)_reads.Length && (_reads[ordinal] & read) != 0 && !_current[ordinal].IsNull) return ref _current[ordinal];
        ref readonly var v = ref Cell(ordinal);
        if ((_reads[ordinal] & read) == 0) throw Cast(ordinal, requested);
        if (v.IsNull) throw new InvalidCastException(TaosStrings.ColumnIsNull(_columns[ordinal].Name));
        return ref v;
    }

    private long IntegerValue(int ordinal, ColumnReads read, Type requested) =>
        TryBlockInteger(ordinal, read, out long value) && (value >= 0 || _block!.TypeOf(ordinal) != TaosDataType.UBigInt)
            ? value
            : CellInteger(ordinal, read, requested);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long CellInteger(int ordinal, ColumnReads read, Type requested)
    {
        ref readonly var v = ref Typed(ordinal, read, requested);
        return v.Kind switch
        {
            TaosValueKind.Int64 => v.Int64,
            TaosValueKind.UInt64 when v.UInt64 <= long.MaxValue => v.Int64,
            TaosValueKind.UInt64 => throw new OverflowException(CastMessage(ordinal, requested)),
            _ => throw Cast(ordinal, requested),
        };
    }

    private ulong UnsignedValue(int ordinal, ColumnReads read, Type requested) =>
        TryBlockInteger(ordinal, read, out long value) && (value >= 0 || _block!.TypeOf(ordinal) == TaosDataType.UBigInt)
            ? unchecked((ulong)value)
            : CellUnsigned(ordinal, read, requested);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong CellUnsigned(int ordinal, ColumnReads read, Type requested)
    {
        ref readonly var v = ref Typed(ordinal, read, requested);
        return v.Kind switch
        {
            TaosValueKind.UInt64 => v.UInt64,
            TaosValueKind.Int64 when v.Int64 >= 0 => v.UInt64,
            TaosValueKind.Int64 => throw new OverflowException(CastMessage(ordinal, requested)),
            _ => throw Cast(ordinal, requested),
        };
    }

    private InvalidCastException Cast(int ordinal, Type requested) => new(CastMessage(ordinal, requested));

    private string CastMessage(int ordinal, Type requested) =>
        TaosStrings.InvalidCast(_columns[ordinal].Name, _columns[ordinal].TypeName, requested);
}
