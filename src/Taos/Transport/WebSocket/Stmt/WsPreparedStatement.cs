using System.Text.RegularExpressions;
using Taos.Protocol.RawBlock;

namespace Taos.Transport.WebSocket.Stmt;

/// <summary>
/// A prepared <see cref="TaosCommand"/> on a WebSocket session: its statement prepared once on the server (stmt),
/// then bound and run per execution. An INSERT takes its parameters in placeholder order — the table name first
/// when it is a placeholder (<c>set_table_name</c>), then the TAGS placeholders (<c>set_tags</c>, as many as
/// <c>get_tag_fields</c> names), then one row of VALUES (<c>bind</c> with the <c>get_col_fields</c> types) — and
/// answers the rows written; a query binds one row of values with their own types (timestamps as RFC 3339 text,
/// see <see cref="StmtValues.ForQuery"/>) and is read through <c>use_result</c> like any WebSocket result. A value
/// that does not convert to its field's type is sent with its own type, so the server refuses it with its code.
/// </summary>
internal sealed partial class WsPreparedStatement
{
    private readonly WsSession _session;
    private readonly StmtPlaceholders _placeholders;
    private readonly bool _tableIsParameter;
    private WsStmtField[]? _tagFields;
    private WsStmtField[]? _colFields;

    private WsPreparedStatement(WsSession session, WsStatement statement, string commandSql, StmtPlaceholders placeholders)
    {
        _session = session;
        Statement = statement;
        CommandSql = commandSql;
        _placeholders = placeholders;
        _tableIsParameter = TableParameter().IsMatch(placeholders.Sql);
    }

    /// <summary>The server's statement.</summary>
    public WsStatement Statement { get; }

    /// <summary>The command text it was prepared from.</summary>
    public string CommandSql { get; }

    /// <summary>Prepares <paramref name="sql"/> (its <c>@name</c> placeholders turned into <c>?</c>) on the session's socket.</summary>
    /// <exception cref="TaosException">The server refused the statement (its code), or the socket failed.</exception>
    public static async ValueTask<WsPreparedStatement> PrepareAsync(WsSession session, string sql, TimeSpan timeout, bool async,
        CancellationToken cancellationToken)
    {
        var placeholders = StmtPlaceholders.Of(sql);
        var socket = await session.SocketAsync(timeout, async, cancellationToken).ConfigureAwait(false);
        var statement = await session.Statements.OpenAsync(socket, placeholders.Sql, timeout, async, cancellationToken).ConfigureAwait(false);
        return new WsPreparedStatement(session, statement, sql, placeholders);
    }

    /// <summary>True when it can run <paramref name="sql"/> on <paramref name="session"/> (same session, text, and statement still open).</summary>
    public bool IsFor(ITaosSession session, string sql) =>
        ReferenceEquals(session, _session) && !Statement.IsClosed && string.Equals(sql, CommandSql, StringComparison.Ordinal);

    /// <summary>Binds the request's parameters and runs the statement.</summary>
    /// <exception cref="TaosException">The server refused a value, the count of values, the table or the statement (its code).</exception>
    /// <exception cref="InvalidOperationException">A placeholder has no parameter.</exception>
    public async ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken)
    {
        var values = _placeholders.Values(request.Parameters);
        if (!Statement.IsInsert)
        {
            return await QueryAsync(values, request, async, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            return new WsUpdateResult(await InsertAsync(values, async, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not TaosException { ErrorCode: not TaosException.ClientErrorCode })
        {
            // Cancelled, timed out or broken mid-way: the server may hold bound rows that a later exec would write.
            // Closing the statement drops them; the next execution prepares it again.
            await Statement.CloseAsync(async).ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<long> InsertAsync(object?[] values, bool async, CancellationToken cancellationToken)
    {
        int next = 0;
        if (_tableIsParameter)
        {
            string table = values.Length > 0 && values[0] is string name ? name : throw new InvalidCastException(TaosStrings.StmtTableName);
            await Statement.SetTableNameAsync(table, async, cancellationToken).ConfigureAwait(false);
            next = 1;
        }
        // Both field lists before the first value, in the order taosAdapter's own clients ask (ws_stmt.jsonl).
        _tagFields ??= await Statement.GetTagFieldsAsync(async, cancellationToken).ConfigureAwait(false);
        _colFields ??= await Statement.GetColFieldsAsync(async, cancellationToken).ConfigureAwait(false);
        if (_tagFields.Length > 0)
        {
            int count = Math.Min(_tagFields.Length, values.Length - next);
            await WithColumnsAsync(_tagFields, values.AsMemory(next, count), columns => Statement.SetTagsAsync(columns, async, cancellationToken))
                .ConfigureAwait(false);
            next += count;
        }
        await WithColumnsAsync(_colFields, values.AsMemory(next), columns => Statement.BindAsync(columns, async, cancellationToken)).ConfigureAwait(false);
        await Statement.AddBatchAsync(async, cancellationToken).ConfigureAwait(false);
        return await Statement.ExecAsync(async, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ITaosResult> QueryAsync(object?[] values, TaosRequest request, bool async, CancellationToken cancellationToken)
    {
        var columns = new BindColumn[values.Length];
        try
        {
            for (int i = 0; i < values.Length; i++)
            {
                var (type, value) = StmtValues.ForQuery(values[i], _session.Transport.TimeZone);
                columns[i] = new BindColumn(type, ushort.MaxValue, 1);
                StmtValues.Append(columns[i], value, TaosPrecision.Milliseconds, _session.Transport.TimeZone);
            }
            await Statement.BindAsync(columns, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var column in columns) column?.Dispose();
        }
        await Statement.AddBatchAsync(async, cancellationToken).ConfigureAwait(false);
        await Statement.ExecAsync(async, cancellationToken).ConfigureAwait(false);
        var reply = await Statement.UseResultAsync(async, cancellationToken).ConfigureAwait(false);
        var timeout = _session.Transport.ReadTimeout ?? request.Timeout;
        return new WsQueryResult(Statement.Socket, reply, _session.Transport.TimeZone, timeout, CommandSql, request.RequestId);
    }

    // One row of values as columns of the fields' types; a value that does not convert keeps its own type (the server
    // then refuses it with its code), and values beyond the fields too (the server refuses the count).
    private async ValueTask WithColumnsAsync(WsStmtField[] fields, ReadOnlyMemory<object?> values, Func<BindColumn[], ValueTask> send)
    {
        var columns = new BindColumn[values.Length];
        try
        {
            for (int i = 0; i < columns.Length; i++)
            {
                columns[i] = Column(i < fields.Length ? fields[i] : null, values.Span[i]);
            }
            await send(columns).ConfigureAwait(false);
        }
        finally
        {
            foreach (var column in columns) column?.Dispose();
        }
    }

    private BindColumn Column(WsStmtField? field, object? value)
    {
        var zone = _session.Transport.TimeZone;
        if (field is not null)
        {
            var column = new BindColumn(field.Type, field.MaxValueBytes, 1);
            try
            {
                StmtValues.Append(column, value, (TaosPrecision)field.Precision, zone);
                return column;
            }
            catch (Exception e) when (e is InvalidCastException or OverflowException or ArgumentException or FormatException)
            {
                column.Dispose();
            }
        }
        var (type, natural) = StmtValues.ForQuery(value, zone);
        var own = new BindColumn(type, ushort.MaxValue, 1);
        StmtValues.Append(own, natural, TaosPrecision.Milliseconds, zone);
        return own;
    }

    [GeneratedRegex(@"^\s*insert\s+into\s+\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableParameter();
}
