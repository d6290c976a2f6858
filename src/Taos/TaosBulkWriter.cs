using System.Data;
using System.Data.Common;
using System.Globalization;
using Taos.Protocol.RawBlock;
using Taos.Transport.WebSocket;
using Taos.Transport.WebSocket.Stmt;

namespace Taos;

/// <summary>
/// Fast bulk ingest over WebSocket through TDengine's parameter binding (stmt): rows are appended column by column
/// into pooled, typed column buffers in their wire form and sent as binary bind blocks of <see cref="BatchSize"/>
/// rows (one <c>bind</c> + <c>add_batch</c> + <c>exec</c> per batch), without SQL text.
/// </summary>
/// <remarks>
/// <para>
/// Create it from an open WebSocket <see cref="TaosConnection"/> with <see cref="ForTableAsync"/> (a normal or child
/// table: <c>INSERT INTO t VALUES(?, …)</c>) or <see cref="ForSuperTableAsync"/> (a super table: <c>INSERT INTO ?
/// USING st TAGS(?, …) VALUES(?, …)</c>; call <see cref="UseTableAsync"/> with the sub-table's name and tags before
/// its rows — the sub-table is created when it does not exist). The column types are the server's
/// (<c>get_col_fields</c>/<c>get_tag_fields</c>).
/// </para>
/// <para>
/// A row is one <c>Append</c> per column, in the table's column order, then <see cref="EndRowAsync"/> (or
/// <see cref="EndRow"/>), which sends the batch when it holds <see cref="BatchSize"/> rows. The typed appenders
/// (<see cref="Append(long)"/>, <see cref="Append(double)"/>, <see cref="Append(string)"/>,
/// <see cref="Append(DateTime)"/>, <see cref="Append(TaosTimestamp)"/>, …) allocate nothing per row once the buffers
/// have grown to a batch; <see cref="AppendValue"/>, <see cref="AddRowAsync"/> and the <c>WriteToServer</c>
/// overloads take boxed values. An integer appended to a TIMESTAMP column is a count of the table's precision since
/// the epoch; an unspecified <see cref="DateTime"/> is in the connection's <c>Timezone</c> (else UTC);
/// <see cref="TaosTimestamp"/> keeps nanoseconds exactly.
/// </para>
/// <para>
/// A value that does not fit its column (wrong type, out of range, too long, digits below the precision) throws a
/// <see cref="TaosException"/> naming the column and the row, and drops that row only; the writer stays usable. A
/// batch the server refuses throws the server's <see cref="TaosException"/> and is dropped as a whole (nothing of it
/// is kept to be sent later); a batch cancelled, timed out or cut by a broken connection closes the server's statement
/// (the server drops what it got of it) and the writer cannot send any more. <see cref="CompleteAsync"/> and <see cref="DisposeAsync"/> send the rows still
/// buffered; a row not ended is dropped. The REST transport has no stmt: creating a writer on a REST connection
/// throws <see cref="TaosException"/>. Not thread-safe: one writer per producer.
/// </para>
/// </remarks>
public sealed partial class TaosBulkWriter : IAsyncDisposable, IDisposable
{
    /// <summary>The <see cref="BatchSize"/> when none is given.</summary>
    public const int DefaultBatchSize = 10_000;

    private readonly WsStatement _statement;
    private readonly TimeZoneInfo? _zone;
    private BindColumn[]? _columns;
    private BindColumn[]? _tags;
    private string[] _columnNames = [];
    private TaosPrecision _precision;
    private int _column;
    private int _pendingRows;
    private bool _completed;

    private TaosBulkWriter(WsStatement statement, string table, bool superTable, int batchSize, TimeZoneInfo? zone, string[] tagNames)
    {
        _statement = statement;
        TargetTable = table;
        IsSuperTable = superTable;
        BatchSize = batchSize;
        _zone = zone;
        TagNames = tagNames;
    }

    /// <summary>The table or super table the writer was created for, as given.</summary>
    public string TargetTable { get; }

    /// <summary>True for a writer of a super table's sub-tables (<see cref="UseTableAsync"/> names each).</summary>
    public bool IsSuperTable { get; }

    /// <summary>Rows per bind block: a batch is sent when it holds this many rows.</summary>
    public int BatchSize { get; }

    /// <summary>The sub-table rows go to now (super table writers), or null before <see cref="UseTableAsync"/>.</summary>
    public string? CurrentTable { get; private set; }

    /// <summary>The column names, in the order rows append them (empty for a super table writer before its first <see cref="UseTableAsync"/>).</summary>
    public IReadOnlyList<string> ColumnNames => _columnNames;

    /// <summary>The tag names of a super table, in the order <see cref="UseTableAsync"/> takes the tags (empty for a table writer).</summary>
    public IReadOnlyList<string> TagNames { get; }

    /// <summary>Rows the server has written (the sum of the <c>exec</c> answers).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Rows ended and buffered, not sent yet.</summary>
    public int PendingRows => _pendingRows;

    /// <summary>Creates a writer for a normal or child table (<c>db.table</c> or a table of the connection's database).</summary>
    /// <exception cref="TaosException">The connection uses REST (no stmt), or the server refused the table (its code).</exception>
    public static TaosBulkWriter ForTable(TaosConnection connection, string table, int batchSize = DefaultBatchSize) =>
        CreateCoreAsync(connection, table, false, batchSize, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ForTable"/>
    public static Task<TaosBulkWriter> ForTableAsync(TaosConnection connection, string table, int batchSize = DefaultBatchSize,
        CancellationToken cancellationToken = default) =>
        CreateCoreAsync(connection, table, false, batchSize, true, cancellationToken).AsTask();

    /// <summary>Creates a writer for the sub-tables of a super table; name each with <see cref="UseTableAsync"/> before its rows.</summary>
    /// <exception cref="TaosException">The connection uses REST (no stmt), or the server refused the super table (its code).</exception>
    public static TaosBulkWriter ForSuperTable(TaosConnection connection, string superTable, int batchSize = DefaultBatchSize) =>
        CreateCoreAsync(connection, superTable, true, batchSize, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="ForSuperTable"/>
    public static Task<TaosBulkWriter> ForSuperTableAsync(TaosConnection connection, string superTable, int batchSize = DefaultBatchSize,
        CancellationToken cancellationToken = default) =>
        CreateCoreAsync(connection, superTable, true, batchSize, true, cancellationToken).AsTask();

    private static async ValueTask<TaosBulkWriter> CreateCoreAsync(TaosConnection connection, string table, bool superTable, int batchSize,
        bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        connection.CheckOpen();
        if (connection.ActiveReader is not null) throw new InvalidOperationException(TaosStrings.ReaderOpen);
        if (await connection.GetSessionAsync(async, cancellationToken).ConfigureAwait(false) is not WsSession session)
        {
            throw new TaosException(TaosStrings.BulkWriterNeedsWebSocket);
        }
        var (columns, tags) = await DescribeAsync(connection, table, async, cancellationToken).ConfigureAwait(false);
        string values = Placeholders(columns);
        string sql = superTable ? $"insert into ? using {table} tags({Placeholders(tags)}) values({values})" : $"insert into {table} values({values})";
        var timeout = TaosCommand.ToTimeout(connection.ConnectionTimeout);
        var socket = await session.SocketAsync(timeout, async, cancellationToken).ConfigureAwait(false);
        var statement = await session.Statements.OpenAsync(socket, sql, timeout, async, cancellationToken).ConfigureAwait(false);
        var writer = new TaosBulkWriter(statement, table, superTable, batchSize, session.Transport.TimeZone, superTable ? [.. tags] : []);
        try
        {
            if (!superTable) await writer.LoadColumnsAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await statement.CloseAsync(async).ConfigureAwait(false);
            throw;
        }
        return writer;
    }

    // The column and tag names of the table, from DESCRIBE (the note column says TAG for tags).
    private static async ValueTask<(List<string> Columns, List<string> Tags)> DescribeAsync(TaosConnection connection, string table, bool async,
        CancellationToken cancellationToken)
    {
        using var command = new TaosCommand("describe " + table, connection);
        await using var reader = async ? await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false) : command.ExecuteReader();
        var columns = new List<string>();
        var tags = new List<string>();
        while (async ? await reader.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            (string.Equals(reader.GetString(3), "TAG", StringComparison.OrdinalIgnoreCase) ? tags : columns).Add(reader.GetString(0));
        }
        return (columns, tags);
    }

    private static string Placeholders(List<string> names) => string.Join(", ", Enumerable.Repeat("?", names.Count));

    // The column buffers from the server's fields (a super table's once its first sub-table is named).
    private async ValueTask LoadColumnsAsync(bool async, CancellationToken cancellationToken)
    {
        var fields = await _statement.GetColFieldsAsync(async, cancellationToken).ConfigureAwait(false);
        int rows = Math.Min(BatchSize, 1 << 16);
        _columns = [.. fields.Select(f => new BindColumn(f.Type, f.MaxValueBytes, rows))];
        _columnNames = [.. fields.Select(f => f.Name)];
        _precision = fields.Length > 0 && fields[0].Type == TaosDataType.Timestamp ? (TaosPrecision)fields[0].Precision : TaosPrecision.Milliseconds;
    }

    /// <summary>
    /// Super table writers: sends the rows buffered for the current sub-table, then makes <paramref name="table"/>
    /// (<c>db.table</c> or <c>table</c>) the one the following rows go to, with its <paramref name="tags"/> in
    /// <see cref="TagNames"/> order (they create the sub-table when it does not exist; an existing one keeps its
    /// tags). Naming the current sub-table again does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A table writer (not a super table's), or the writer is complete.</exception>
    /// <exception cref="TaosException">A tag does not fit its type (named), or the server refused the table or the tags (its code).</exception>
    public void UseTable(string table, params object?[] tags) =>
        UseTableCoreAsync(table, tags, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="UseTable"/>
    public Task UseTableAsync(string table, IReadOnlyList<object?> tags, CancellationToken cancellationToken = default) =>
        UseTableCoreAsync(table, tags, true, cancellationToken).AsTask();

    private async ValueTask UseTableCoreAsync(string table, IReadOnlyList<object?> tags, bool async, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(tags);
        ThrowIfCompleted();
        if (!IsSuperTable) throw new InvalidOperationException(TaosStrings.BulkWriterNotSuperTable);
        if (string.Equals(table, CurrentTable, StringComparison.Ordinal)) return;
        await FlushCoreAsync(async, cancellationToken).ConfigureAwait(false);
        DropPartialRow();
        CurrentTable = null;
        await _statement.SetTableNameAsync(table, async, cancellationToken).ConfigureAwait(false);
        if (_tags is null)
        {
            var fields = await _statement.GetTagFieldsAsync(async, cancellationToken).ConfigureAwait(false);
            _tags = [.. fields.Select(f => new BindColumn(f.Type, f.MaxValueBytes, 1))];
            await LoadColumnsAsync(async, cancellationToken).ConfigureAwait(false);
        }
        FillTags(table, tags);
        await _statement.SetTagsAsync(_tags, async, cancellationToken).ConfigureAwait(false);
        CurrentTable = table;
    }

    private void FillTags(string table, IReadOnlyList<object?> tags)
    {
        if (tags.Count != _tags!.Length)
        {
            throw new TaosException(TaosStrings.BulkWriterTagCount(table, tags.Count, _tags.Length));
        }
        for (int i = 0; i < _tags.Length; i++)
        {
            _tags[i].Clear();
            try
            {
                StmtValues.Append(_tags[i], tags[i], _precision, _zone);
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException)
            {
                throw new TaosException(TaosStrings.BulkWriterBadTag(table, TagNames.ElementAtOrDefault(i) ?? i.ToString(CultureInfo.InvariantCulture),
                    _tags[i].Type, e.Message), innerException: e);
            }
        }
    }

    /// <summary>Ends the row appended since the last one (every column must have its value); sends the batch when it is full.</summary>
    /// <exception cref="TaosException">The row lacks values (it is dropped), or the batch sent was refused (its rows are dropped).</exception>
    public void EndRow() => EndRowCoreAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="EndRow"/>
    public ValueTask EndRowAsync(CancellationToken cancellationToken = default) => EndRowCoreAsync(true, cancellationToken);

    private ValueTask EndRowCoreAsync(bool async, CancellationToken cancellationToken)
    {
        var columns = Columns();
        if (_column != columns.Length)
        {
            int given = _column;
            DropPartialRow();
            throw new TaosException(TaosStrings.BulkWriterShortRow(RowNumber, CurrentTable ?? TargetTable, given, columns.Length));
        }
        _column = 0;
        _pendingRows++;
        return _pendingRows >= BatchSize ? FlushCoreAsync(async, cancellationToken) : default;
    }

    /// <summary>Appends a whole row of boxed values (as <see cref="AppendValue"/>) and ends it.</summary>
    /// <exception cref="TaosException">A value does not fit its column (the row is dropped), or a batch sent was refused.</exception>
    public void AddRow(params object?[] values) => AddRowCoreAsync(values, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="AddRow"/>
    public ValueTask AddRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken = default) =>
        AddRowCoreAsync(values, true, cancellationToken);

    private ValueTask AddRowCoreAsync(IReadOnlyList<object?> values, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (int i = 0; i < values.Count; i++)
        {
            AppendValue(values[i]);
        }
        return EndRowCoreAsync(async, cancellationToken);
    }

    /// <summary>Sends the rows buffered (one bind block, <c>add_batch</c>, <c>exec</c>); nothing when none is.</summary>
    /// <exception cref="TaosException">The server refused the batch (its code); its rows are dropped.</exception>
    public void Flush() => FlushCoreAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Flush"/>
    public Task FlushAsync(CancellationToken cancellationToken = default) => FlushCoreAsync(true, cancellationToken).AsTask();

    private async ValueTask FlushCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (_pendingRows == 0 || _columns is null) return;
        int rows = _pendingRows;
        if (_statement.IsClosed)
        {
            foreach (var column in _columns) column.Clear();
            _pendingRows = 0;
            throw new TaosException(TaosStrings.BulkWriterClosed(rows, CurrentTable ?? TargetTable));
        }
        // A row not ended is dropped: its values would make the columns uneven.
        DropPartialRow();
        try
        {
            await _statement.BindAsync(_columns, async, cancellationToken).ConfigureAwait(false);
            await _statement.AddBatchAsync(async, cancellationToken).ConfigureAwait(false);
            RowsWritten += await _statement.ExecAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch (TaosException e) when (e.ErrorCode != TaosException.ClientErrorCode)
        {
            throw new TaosException(TaosStrings.BulkWriterBatchFailed(rows, CurrentTable ?? TargetTable, e.Message), e.ErrorCode, e.Description,
                e.Sql, e.RequestId, e);
        }
        catch
        {
            // Cancelled, timed out or broken mid-way: the server may hold rows of this batch that a later exec would
            // write. Closing the statement drops them; the writer cannot send any more (its next flush says so).
            await _statement.CloseAsync(async).ConfigureAwait(false);
            throw;
        }
        finally
        {
            foreach (var column in _columns)
            {
                column.Clear();
            }
            _pendingRows = 0;
        }
    }

    /// <summary>Sends the rows still buffered and closes the server's statement; the rows written in all.</summary>
    /// <exception cref="TaosException">The last batch was refused (the statement is closed all the same).</exception>
    public long Complete() => CompleteCoreAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Complete"/>
    public Task<long> CompleteAsync(CancellationToken cancellationToken = default) => CompleteCoreAsync(true, cancellationToken).AsTask();

    private async ValueTask<long> CompleteCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (_completed) return RowsWritten;
        try
        {
            DropPartialRow();
            await FlushCoreAsync(async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _completed = true;
            await _statement.CloseAsync(async).ConfigureAwait(false);
            ReturnBuffers();
        }
        return RowsWritten;
    }

    /// <summary>Completes the writer (sends the rows still buffered, see <see cref="Complete"/>) unless it is complete.</summary>
    public void Dispose() => CompleteCoreAsync(false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync() => await CompleteCoreAsync(true, CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Appends every row of <paramref name="reader"/> (its columns in the table's order, as <see cref="AppendValue"/>
    /// takes them) and ends each; the rows appended. The last batch stays buffered until a flush or <see cref="CompleteAsync"/>.
    /// </summary>
    /// <exception cref="TaosException">A value does not fit its column, or a batch was refused.</exception>
    public long WriteToServer(IDataReader reader) => WriteToServerCoreAsync(reader, false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="WriteToServer(IDataReader)"/>
    public Task<long> WriteToServerAsync(IDataReader reader, CancellationToken cancellationToken) =>
        WriteToServerCoreAsync(reader, true, cancellationToken).AsTask();

    /// <summary>Appends every row of <paramref name="table"/> (as <see cref="WriteToServer(IDataReader)"/>); the rows appended.</summary>
    /// <exception cref="TaosException">A value does not fit its column, or a batch was refused.</exception>
    public long WriteToServer(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var reader = table.CreateDataReader();
        return WriteToServer(reader);
    }

    /// <inheritdoc cref="WriteToServer(DataTable)"/>
    public async Task<long> WriteToServerAsync(DataTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var reader = table.CreateDataReader();
        return await WriteToServerCoreAsync(reader, true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends every row of <paramref name="rows"/> (one value per column, as <see cref="AddRowAsync"/>); the rows appended.</summary>
    /// <exception cref="TaosException">A value does not fit its column, or a batch was refused.</exception>
    public async Task<long> WriteToServerAsync(IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long count = 0;
        foreach (var row in rows)
        {
            await AddRowCoreAsync(row, true, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return count;
    }

    private async ValueTask<long> WriteToServerCoreAsync(IDataReader reader, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = Columns();
        if (reader.FieldCount != columns.Length)
        {
            throw new TaosException(TaosStrings.BulkWriterReaderWidth(reader.FieldCount, columns.Length, CurrentTable ?? TargetTable));
        }
        long count = 0;
        var db = reader as DbDataReader;
        while (async && db is not null ? await db.ReadAsync(cancellationToken).ConfigureAwait(false) : reader.Read())
        {
            for (int i = 0; i < columns.Length; i++)
            {
                AppendValue(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
            await EndRowCoreAsync(async, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return count;
    }

    private void ThrowIfCompleted() => ObjectDisposedException.ThrowIf(_completed, this);

    private long RowNumber => RowsWritten + _pendingRows + 1;

    private BindColumn[] Columns()
    {
        ThrowIfCompleted();
        return _columns ?? throw new InvalidOperationException(TaosStrings.BulkWriterNoTable);
    }

    // Drops the values appended for a row not ended.
    private void DropPartialRow()
    {
        if (_column == 0 || _columns is null) return;
        foreach (var column in _columns)
        {
            column.Truncate(_pendingRows);
        }
        _column = 0;
    }

    private void ReturnBuffers()
    {
        foreach (var column in (_columns ?? []).Concat(_tags ?? []))
        {
            column.Dispose();
        }
        _columns = null;
        _tags = null;
    }
}
