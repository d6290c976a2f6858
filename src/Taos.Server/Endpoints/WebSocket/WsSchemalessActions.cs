using System.Buffers;
using Taos.Server.Engine;
using Taos.Server.Engine.Schemaless;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>
/// The schemaless action <c>insert</c> (taosAdapter 3.3.0.1's <c>schemalessWrite</c>): <c>protocol</c> 1 line,
/// 2 telnet, 3 JSON (0 or absent is 65535 <c>args error</c>), <c>precision</c> as a string, <c>ttl</c>, <c>data</c>
/// with every line; written into the connection's current database. The reply carries no fields of its own.
/// </summary>
internal sealed class WsSchemalessActions(SqlEngine engine)
{
    /// <summary>
    /// <c>insert</c>: the whole <c>data</c> in one transaction, or nothing of it with TDengine's error. <c>data</c> goes
    /// to the engine as the UTF-8 the frame carries (unescaped into a pooled buffer only when it has escapes).
    /// </summary>
    public WsAnswer Insert(WsCall call)
    {
        var request = call.Request;
        if (!request.TryGetUInt64("protocol", out ulong protocol) || !request.TryGetString("precision", out string precision)
            || !request.TryGetUInt64("ttl", out ulong ttl) || !request.TryGetUtf8String("data", out var data, out byte[]? rented))
        {
            return call.Error(ServerErrorCode.AdapterError, "unmarshal insert request error");
        }
        try
        {
            return Insert(call, protocol, precision, ttl, data);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private WsAnswer Insert(WsCall call, ulong protocol, string precision, ulong ttl, ReadOnlyMemory<byte> data)
    {
        if (protocol == 0)
        {
            return call.Error(ServerErrorCode.AdapterError, "args error");
        }
        var session = call.Connection.Session!;
        try
        {
            if (session.Database is null)
            {
                throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
            }
            engine.InsertSchemaless(session.User, session.Database, data, (SmlProtocol)Math.Min(protocol, int.MaxValue), SmlTimeUnits.Parse(precision),
                (int)Math.Min(ttl, int.MaxValue));
        }
        catch (TaosServerException ex)
        {
            return call.Error(ex.Code, ex.Message);
        }
        return WsAnswer.Text(call.Ok());
    }
}
