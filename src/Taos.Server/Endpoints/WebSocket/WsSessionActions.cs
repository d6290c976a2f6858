using Taos.Protocol;
using Taos.Server.Engine;
using Taos.Server.Engine.Users;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>The session actions: <c>version</c>, <c>conn</c>, <c>get_current_db</c>, <c>get_server_info</c>.</summary>
internal sealed class WsSessionActions(SqlEngine engine, string hostName)
{
    /// <summary><c>version</c>: on <c>/rest/ws</c> without <c>req_id</c> and <c>timing</c>.</summary>
    public static WsAnswer Version(WsCall call)
    {
        var reply = call.Connection.Legacy ? WsReply.StartBare(0, "", call.Request.Action) : call.Ok();
        return WsAnswer.Text(reply.Field("version").String(RestProtocol.ServerVersion));
    }

    /// <summary><c>conn</c>: checks the credentials as REST does and makes <c>db</c> (if any) the current database.</summary>
    public WsAnswer Connect(WsCall call)
    {
        if (!call.Request.TryGetString("user", out string user) || !call.Request.TryGetString("password", out string password)
            || !call.Request.TryGetString("db", out string db))
        {
            return call.Error(ServerErrorCode.AdapterError, "unmarshal connect request error");
        }
        if (call.Connection.Session is not null)
        {
            return call.Error(ServerErrorCode.AdapterError, "duplicate connections");
        }
        var login = engine.Users.Authenticate(user, password, call.Connection.Address);
        if (login != LoginResult.Ok)
        {
            var failure = UserDirectory.Failure(login);
            return call.Error(failure.Code, failure.Message);
        }
        var session = new SqlSession { User = user, ClientHost = hostName };
        if (db.Length > 0)
        {
            if (db.Contains('`', StringComparison.Ordinal))
            {
                return call.Error(ServerErrorCode.DatabaseNotExist, "Database not exist");
            }
            try
            {
                engine.Execute($"use `{db}`", session);
            }
            catch (TaosServerException ex)
            {
                return call.Error(ex.Code, ex.Message);
            }
        }
        call.Connection.Session = session;
        call.Connection.Live = engine.Admin.Connections.Open(user, "taosadapter", Environment.ProcessId, call.Connection.Peer, call.Connection.Abort);
        return WsAnswer.Text(call.Ok());
    }

    /// <summary><c>get_current_db</c>: the session's current database ("" when none).</summary>
    public static WsAnswer CurrentDatabase(WsCall call) =>
        WsAnswer.Text(call.Ok().Field("db").String(call.Connection.Session!.Database ?? ""));

    /// <summary><c>get_server_info</c>: <c>ver:</c>, <c>build:</c> and <c>gitinfo:</c> lines like taos_get_server_info.</summary>
    public static WsAnswer ServerInfo(WsCall call) =>
        WsAnswer.Text(call.Ok().Field("info").String($"ver:{RestProtocol.ServerVersion}\nbuild:Taos.Server\ngitinfo:no git commit id"));
}
