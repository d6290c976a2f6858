using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Taos.Server.Endpoints.WebSocket.Stmt;
using Taos.Server.Engine;
using Taos.Server.Http;
using Socket = System.Net.WebSockets.WebSocket;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// taosAdapter 3.3.0.1's WebSocket query protocol on <c>/ws</c> and the legacy <c>/rest/ws</c>: one JSON request
/// per text frame, one reply per request (none for <c>free_result</c> or a frame that is not JSON), handled in
/// order. Open results are freed when the socket closes.
/// </summary>
internal sealed class WsEndpoint
{
    /// <summary>The unified endpoint.</summary>
    public const string Path = "/ws";

    /// <summary>The legacy query endpoint.</summary>
    public const string LegacyPath = "/rest/ws";

    /// <summary>The largest message accepted; a larger one closes the socket with 1009 (message too big).</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> LegacyActions = ["version", "conn", "query", "fetch", "fetch_block", "free_result"];

    private readonly Engine.Admin.ConnectionRegistry _connections;

    private readonly WsSessionActions _session;
    private readonly WsQueryActions _query;
    private readonly WsStmtActions _stmt;
    private readonly WsStmtBinds _binds;
    private readonly WsRawBlockWrites _rawWrites;
    private readonly WsSchemalessActions _schemaless;
    private readonly ILogger _logger;

    public WsEndpoint(SqlEngine engine, ILogger logger)
    {
        _connections = engine.Admin.Connections;
        _session = new WsSessionActions(engine, RestHandler.GetHostName());
        _query = new WsQueryActions(engine);
        _stmt = new WsStmtActions(engine);
        _binds = new WsStmtBinds(engine);
        _rawWrites = new WsRawBlockWrites(engine);
        _schemaless = new WsSchemalessActions(engine);
        _logger = logger;
    }

    /// <summary>True for an upgrade request on one of the two paths.</summary>
    public static bool Accepts(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest && context.Request.Path.Value is Path or LegacyPath;

    /// <summary>Accepts the WebSocket and serves it until the client closes it.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        // Like taosAdapter, offer permessage-deflate to clients that ask for it.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = true }).ConfigureAwait(false);
        using var connection = new WsConnection(context.Request.Path.Value == LegacyPath) { Peer = Http.RestHandler.Peer(context), Address = context.Connection.RemoteIpAddress, Abort = context.Abort };
        var buffer = new ArrayBufferWriter<byte>(4096);
        var ct = context.RequestAborted;
        try
        {
            while (true)
            {
                var type = await ReceiveAsync(socket, buffer, ct).ConfigureAwait(false);
                if (type is null)
                {
                    break;
                }
                var answer = type == WebSocketMessageType.Text ? HandleText(connection, buffer.WrittenMemory) : HandleBinary(connection, buffer.WrittenSpan);
                if (answer is { } frame)
                {
                    var messageType = frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
                    await socket.SendAsync(frame.Payload, messageType, endOfMessage: true, ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug(ex, "WebSocket {Path} ended", context.Request.Path.Value);
        }
        finally
        {
            if (connection.Live is { } live) _connections.Closed(live.Id);
        }
    }

    /// <summary>Reads one whole message into <paramref name="buffer"/>; null when the socket closed.</summary>
    internal static async Task<WebSocketMessageType?> ReceiveAsync(Socket socket, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        buffer.ResetWrittenCount();
        while (true)
        {
            // GetMemory hands the read all the buffer's free room (at least 4 KB, doubling the buffer when full), and the
            // buffer keeps its size between messages: once it has grown to a large message, such a message takes one read.
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
                return null;
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"message larger than {MaxMessageBytes} bytes", ct).ConfigureAwait(false);
                return null;
            }
            if (result.EndOfMessage)
            {
                return result.MessageType;
            }
        }
    }

    private WsAnswer? HandleText(WsConnection connection, ReadOnlyMemory<byte> text)
    {
        WsRequest? request;
        try
        {
            if (!WsRequest.TryParse(text, out request))
            {
                _logger.LogDebug("dropped a WebSocket request that does not unmarshal");
                return null;
            }
        }
        catch (JsonException ex)
        {
            _logger.LogDebug(ex, "dropped a WebSocket text frame that is not JSON");
            return null;
        }
        var call = new WsCall(connection, request!);
        try
        {
            return Dispatch(call);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "WebSocket action {Action} failed", request!.Action);
            return call.Error(ServerErrorCode.AdapterError, ex.Message);
        }
    }

    private WsAnswer? Dispatch(WsCall call)
    {
        var connection = call.Connection;
        string action = call.Request.Action;
        if (connection.Legacy && !LegacyActions.Contains(action))
        {
            return null;
        }
        if (action == "version")
        {
            return WsSessionActions.Version(call);
        }
        // On /ws the connection is checked before args.req_id is read (the reply carries the top-level req_id,
        // 0 when absent); /rest/ws reads args first.
        bool argsRead = connection.Legacy && call.Request.TryReadRequestId();
        if (action != "conn" && connection.Session is null)
        {
            return call.Error(ServerErrorCode.AdapterError, "server not connected");
        }
        if (!argsRead && !call.Request.TryReadRequestId())
        {
            return call.Error(ServerErrorCode.AdapterError, $"unmarshal {action} request error");
        }
        return action switch
        {
            "conn" => _session.Connect(call),
            "get_current_db" => WsSessionActions.CurrentDatabase(call),
            "get_server_info" => WsSessionActions.ServerInfo(call),
            "query" => _query.Query(call),
            "fetch" => WsQueryActions.Fetch(call),
            "fetch_block" => WsQueryActions.FetchBlock(call),
            "free_result" => WsQueryActions.FreeResult(call),
            "num_fields" => WsQueryActions.NumFields(call),
            "init" => WsStmtActions.Init(call),
            "prepare" => WsStmtActions.Prepare(call),
            "set_table_name" => _stmt.SetTableName(call),
            "set_tags" => _binds.SetTags(call),
            "bind" => _binds.Bind(call),
            "add_batch" => WsStmtActions.AddBatch(call),
            "exec" => _stmt.Exec(call),
            "close" => WsStmtActions.Close(call),
            "get_tag_fields" => _stmt.GetTagFields(call),
            "get_col_fields" => _stmt.GetColFields(call),
            "stmt_num_params" => WsStmtActions.NumParams(call),
            "stmt_get_param" => _stmt.GetParam(call),
            "use_result" => WsStmtActions.UseResult(call),
            "insert" => _schemaless.Insert(call),
            _ => call.Error(ServerErrorCode.AdapterError, "unknown action " + action),
        };
    }

    /// <summary>
    /// A binary client message (section 3.5): the 24-byte header, then stmt <c>set_tags</c> (1) and <c>bind</c> (2),
    /// <c>write_raw</c> (3), <c>write_raw_block</c> (4) and <c>write_raw_block_with_fields</c> (5); any other action is
    /// answered as taosAdapter answers an unknown one. A message too short for its header gets a 65535 reply. The
    /// legacy <c>/rest/ws</c> serves 3-5 and answers nothing else.
    /// </summary>
    private WsAnswer? HandleBinary(WsConnection connection, ReadOnlySpan<byte> message)
    {
        bool read = WsBinaryHeader.TryRead(message, out var header);
        if (connection.Legacy && !(read && header.Action is >= WsBinaryHeader.WriteRaw and <= WsBinaryHeader.WriteRawBlockWithFields))
        {
            return null;
        }
        if (!read)
        {
            return WsAnswer.Text(WsReply.Start(ServerErrorCode.AdapterError & 0xFFFF,
                $"binary message of {message.Length} bytes is shorter than its {WsBinaryHeader.Size}-byte header", "unknown", 0, 0));
        }
        if (connection.Session is null)
        {
            return WsAnswer.Text(WsReply.Start(ServerErrorCode.AdapterError & 0xFFFF, "server not connected", "unknown", header.RequestId, 0));
        }
        var payload = message[WsBinaryHeader.Size..];
        try
        {
            return header.Action switch
            {
                WsBinaryHeader.SetTags => _binds.SetTags(connection, header, payload),
                WsBinaryHeader.Bind => _binds.Bind(connection, header, payload),
                WsBinaryHeader.WriteRaw => _rawWrites.WriteRaw(connection, header, payload),
                WsBinaryHeader.WriteRawBlock => _rawWrites.WriteRawBlock(connection, header, payload, withFields: false),
                WsBinaryHeader.WriteRawBlockWithFields => _rawWrites.WriteRawBlock(connection, header, payload, withFields: true),
                _ => WsAnswer.Text(WsReply.Start(ServerErrorCode.AdapterError & 0xFFFF, "unknown action unknown", "unknown", header.RequestId, 0)),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "WebSocket binary action {Action} failed", header.Action);
            return WsAnswer.Text(WsReply.Start(ServerErrorCode.AdapterError & 0xFFFF, ex.Message, "unknown", header.RequestId, 0));
        }
    }
}
