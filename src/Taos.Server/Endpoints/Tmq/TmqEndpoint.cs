using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Taos.Server.Endpoints.WebSocket;
using Taos.Protocol;
using Taos.Server.Engine;
using Socket = System.Net.WebSockets.WebSocket;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// taosAdapter 3.3.0.1's data subscription protocol on <c>/rest/tmq</c>: one JSON request per text frame, one reply
/// per request, handled in order; one consumer per connection, unsubscribed when the socket closes. Frames that are
/// not JSON, binary frames and unknown actions get no reply.
/// </summary>
internal sealed class TmqEndpoint(SqlEngine engine, ILogger logger)
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/rest/tmq";

    private readonly TmqSubscriptionActions _subscriptions = new(engine);

    /// <summary>True for an upgrade request on <see cref="Path"/>.</summary>
    public static bool Accepts(HttpContext context) => context.WebSockets.IsWebSocketRequest && context.Request.Path.Value == Path;

    /// <summary>Accepts the WebSocket and serves it until the client closes it.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var connection = new TmqConnection { Address = context.Connection.RemoteIpAddress };
        var buffer = new ArrayBufferWriter<byte>(4096);
        var ct = context.RequestAborted;
        try
        {
            while (await WsEndpoint.ReceiveAsync(socket, buffer, ct).ConfigureAwait(false) is { } type)
            {
                if (type != WebSocketMessageType.Text || Parse(buffer.WrittenSpan) is not { } request) continue;
                if (await HandleAsync(new TmqCall(connection, request), ct).ConfigureAwait(false) is { } answer)
                {
                    var messageType = answer.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;
                    await socket.SendAsync(answer.Payload, messageType, endOfMessage: true, ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug(ex, "WebSocket {Path} ended", Path);
        }
    }

    private WsRequest? Parse(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            using var document = JsonDocument.ParseValue(ref reader);
            return WsRequest.TryParse(document.RootElement.Clone(), out var request) ? request : null;
        }
        catch (JsonException ex)
        {
            logger.LogDebug(ex, "dropped a {Path} text frame that is not JSON", Path);
            return null;
        }
    }

    private async Task<WsAnswer?> HandleAsync(TmqCall call, CancellationToken ct)
    {
        try
        {
            return await DispatchAsync(call, ct).ConfigureAwait(false);
        }
        catch (TaosServerException e)
        {
            return call.Error(e.Code, e.Message);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            logger.LogWarning(ex, "{Path} action {Action} failed", Path, call.Request.Action);
            return call.Error(ServerErrorCode.AdapterError, ex.Message);
        }
    }

    private async Task<WsAnswer?> DispatchAsync(TmqCall call, CancellationToken ct)
    {
        string action = call.Request.Action;
        if (action == "version")
        {
            return WsAnswer.Text(WsReply.StartBare(0, "", "version").Field("version").String(RestProtocol.ServerVersion));
        }
        if (!call.Request.TryReadRequestId())
        {
            return call.Error(ServerErrorCode.AdapterError, $"unmarshal {action} request error");
        }
        if (action == "subscribe")
        {
            return _subscriptions.Subscribe(call);
        }
        if (call.Connection.Consumer is null)
        {
            return IsKnown(action) ? call.Error(ServerErrorCode.AdapterError, "tmq not init") : null;
        }
        return action switch
        {
            "poll" => await TmqPollActions.PollAsync(call, ct).ConfigureAwait(false),
            "fetch" => TmqPollActions.Fetch(call),
            "fetch_block" => TmqPollActions.FetchBlock(call),
            "fetch_json_meta" => TmqPollActions.FetchJsonMeta(call),
            "commit" => TmqOffsetActions.Commit(call),
            "commit_offset" => TmqOffsetActions.CommitOffset(call),
            "seek" => TmqOffsetActions.Seek(call),
            "assignment" => TmqOffsetActions.Assignment(call),
            "position" => TmqOffsetActions.Position(call),
            "committed" => TmqOffsetActions.Committed(call),
            "list_topics" => TmqSubscriptionActions.ListTopics(call),
            "unsubscribe" => TmqSubscriptionActions.Unsubscribe(call),
            "fetch_raw" => TmqPollActions.FetchRaw(call),
            _ => null,
        };
    }

    private static bool IsKnown(string action) => action is "poll" or "fetch" or "fetch_block" or "fetch_json_meta" or "commit"
        or "commit_offset" or "seek" or "assignment" or "position" or "committed" or "list_topics" or "unsubscribe" or "fetch_raw";
}
