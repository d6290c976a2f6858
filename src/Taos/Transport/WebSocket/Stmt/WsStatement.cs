using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Taos.Protocol.RawBlock;

namespace Taos.Transport.WebSocket.Stmt;

/// <summary>
/// One server-side prepared statement on a <see cref="WsSocket"/> (taosAdapter's stmt actions, section 3.4/3.5 of
/// the WebSocket spec): <c>init</c> + <c>prepare</c> on open, then <c>set_table_name</c>, <c>get_tag_fields</c>,
/// <c>get_col_fields</c>, <c>set_tags</c> and <c>bind</c> (binary messages 1 and 2 carrying a bind block built from
/// <see cref="BindColumn"/>s), <c>add_batch</c>, <c>exec</c>, <c>use_result</c>, and <c>close</c> (never answered).
/// Every error reply is a <see cref="TaosException"/> with the server's code; the socket stays usable. Not
/// thread-safe: one call at a time.
/// </summary>
internal sealed class WsStatement
{
    /// <summary>Binary action 1: tags as a one-row block.</summary>
    public const ulong SetTagsAction = 1;

    /// <summary>Binary action 2: parameters as a block.</summary>
    public const ulong BindAction = 2;

    /// <summary>Bytes of a binary message's header: <c>req_id</c>, stmt id, action (u64 each, little-endian).</summary>
    public const int BinaryHeaderSize = 24;

    private readonly TimeSpan _timeout;
    private byte[] _frame = [];
    private bool _closed;

    private WsStatement(WsSocket socket, ulong id, string sql, TimeSpan timeout)
    {
        Socket = socket;
        Id = id;
        Sql = sql;
        _timeout = timeout;
    }

    /// <summary>The socket the statement lives on (it dies with it).</summary>
    public WsSocket Socket { get; }

    /// <summary>The server's stmt id.</summary>
    public ulong Id { get; }

    /// <summary>True when the server prepared an INSERT, false for a query.</summary>
    public bool IsInsert { get; private set; }

    /// <summary>The prepared SQL (with <c>?</c> placeholders).</summary>
    public string Sql { get; }

    /// <summary>True once <see cref="CloseAsync"/> ran or the socket broke: the statement cannot be used any more.</summary>
    public bool IsClosed => _closed || Socket.IsBroken;

    /// <summary><c>init</c> and <c>prepare</c> of <paramref name="sql"/>; a statement the server refuses to prepare is closed again.</summary>
    /// <exception cref="TaosException">The server refused the SQL (its code), or the socket failed.</exception>
    public static async ValueTask<WsStatement> OpenAsync(WsSocket socket, string sql, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        ulong initId = socket.NextRequestId();
        var init = await CallAsync(socket, initId, WsRequests.Write("init", initId, static (_, _) => { }, 0), sql, timeout, async, cancellationToken)
            .ConfigureAwait(false);
        var statement = new WsStatement(socket, init.StmtId, sql, timeout);
        try
        {
            var prepare = await statement.CallAsync(statement.Json("prepare", static (w, s) => w.WriteString("sql", s), sql), async, cancellationToken)
                .ConfigureAwait(false);
            statement.IsInsert = prepare.IsInsert;
            return statement;
        }
        catch
        {
            await statement.CloseAsync(async).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary><c>set_table_name</c>: the table an <c>insert into ? …</c> writes next (<c>db.table</c> or <c>table</c>).</summary>
    public ValueTask SetTableNameAsync(string name, bool async, CancellationToken cancellationToken) =>
        IgnoreAsync(Json("set_table_name", static (w, n) => w.WriteString("name", n), name), async, cancellationToken);

    /// <summary><c>get_tag_fields</c>: the tags the TAGS placeholders bind (none without tags).</summary>
    public async ValueTask<WsStmtField[]> GetTagFieldsAsync(bool async, CancellationToken cancellationToken) =>
        (await CallAsync(Json("get_tag_fields"), async, cancellationToken).ConfigureAwait(false)).Fields;

    /// <summary><c>get_col_fields</c>: the columns the VALUES placeholders bind.</summary>
    public async ValueTask<WsStmtField[]> GetColFieldsAsync(bool async, CancellationToken cancellationToken) =>
        (await CallAsync(Json("get_col_fields"), async, cancellationToken).ConfigureAwait(false)).Fields;

    /// <summary>Binary <c>set_tags</c>: one column per tag placeholder, one row each.</summary>
    public ValueTask SetTagsAsync(IReadOnlyList<BindColumn> tags, bool async, CancellationToken cancellationToken) =>
        BinaryAsync(SetTagsAction, tags, async, cancellationToken);

    /// <summary>Binary <c>bind</c>: one column per VALUES placeholder (an INSERT's rows, or a query's one row of values).</summary>
    public ValueTask BindAsync(IReadOnlyList<BindColumn> columns, bool async, CancellationToken cancellationToken) =>
        BinaryAsync(BindAction, columns, async, cancellationToken);

    /// <summary><c>add_batch</c>.</summary>
    public ValueTask AddBatchAsync(bool async, CancellationToken cancellationToken) =>
        IgnoreAsync(Json("add_batch"), async, cancellationToken);

    /// <summary><c>exec</c>: runs what was bound; the rows written (0 for a query).</summary>
    public async ValueTask<long> ExecAsync(bool async, CancellationToken cancellationToken) =>
        (await CallAsync(Json("exec"), async, cancellationToken).ConfigureAwait(false)).Affected;

    /// <summary><c>use_result</c>: opens the result of a query's <c>exec</c>; the reply names it (<see cref="WsReply.ResultId"/>) and its fields.</summary>
    public ValueTask<WsReply> UseResultAsync(bool async, CancellationToken cancellationToken) =>
        CallAsync(Json("use_result"), async, cancellationToken);

    /// <summary><c>close</c> (no reply); nothing to do when the socket is broken (the server dropped the statement with it).</summary>
    public async ValueTask CloseAsync(bool async)
    {
        if (_closed) return;
        var close = Json("close").Request;
        _closed = true;
        ReturnFrame();
        if (Socket.IsBroken) return;
        try
        {
            await Socket.SendAsync(close, async, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WsUnsentException)
        {
            // The socket broke: the server drops its statements with it.
        }
    }

    private (ulong RequestId, byte[] Request) Json(string action) => Json(action, static (_, _) => { }, 0);

    private (ulong RequestId, byte[] Request) Json<TState>(string action, Action<Utf8JsonWriter, TState> args, TState state)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        ulong requestId = Socket.NextRequestId();
        return (requestId, WsRequests.Write(action, requestId, (w, s) =>
        {
            w.WriteNumber("stmt_id", Id);
            args(w, s);
        }, state));
    }

    private async ValueTask IgnoreAsync((ulong RequestId, byte[] Request) request, bool async, CancellationToken cancellationToken) =>
        await CallAsync(request, async, cancellationToken).ConfigureAwait(false);

    private ValueTask<WsReply> CallAsync((ulong RequestId, byte[] Request) request, bool async, CancellationToken cancellationToken) =>
        CallAsync(Socket, request.RequestId, request.Request, Sql, _timeout, async, cancellationToken);

    private async ValueTask BinaryAsync(ulong action, IReadOnlyList<BindColumn> columns, bool async, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        int length = BinaryHeaderSize + BindBlockWriter.Measure(columns);
        if (_frame.Length < length)
        {
            ReturnFrame();
            _frame = ArrayPool<byte>.Shared.Rent(length);
        }
        ulong requestId = Socket.NextRequestId();
        WriteHeader(_frame, requestId, Id, action);
        BindBlockWriter.Write(columns, _frame.AsSpan(BinaryHeaderSize, length - BinaryHeaderSize));
        await CallAsync(Socket, requestId, _frame.AsMemory(0, length), Sql, _timeout, async, cancellationToken, binary: true).ConfigureAwait(false);
    }

    /// <summary>Writes the 24-byte header of a binary message.</summary>
    public static void WriteHeader(Span<byte> frame, ulong requestId, ulong stmtId, ulong action)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(frame, requestId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame[8..], stmtId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame[16..], action);
    }

    private void ReturnFrame()
    {
        if (_frame.Length > 0) ArrayPool<byte>.Shared.Return(_frame);
        _frame = [];
    }

    private static async ValueTask<WsReply> CallAsync(WsSocket socket, ulong requestId, ReadOnlyMemory<byte> request, string sql, TimeSpan timeout,
        bool async, CancellationToken cancellationToken, bool binary = false)
    {
        try
        {
            var frame = await socket.RequestAsync(requestId, 0, request, timeout, async, cancellationToken, binary).ConfigureAwait(false);
            return WsTransport.ThrowOnError(frame.Reply, sql, null);
        }
        catch (WsUnsentException e)
        {
            throw new TaosException(WsStrings.NotSent(socket.Endpoint, e.Message), sql: sql, innerException: e);
        }
    }
}
