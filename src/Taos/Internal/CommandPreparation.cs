using Taos.Transport;
using Taos.Transport.WebSocket;
using Taos.Transport.WebSocket.Stmt;

namespace Taos;

/// <summary>
/// What <see cref="TaosCommand.Prepare"/> set up for its command: over WebSocket, a command of one statement with
/// parameters runs as a server-side prepared statement (<see cref="WsPreparedStatement"/>), prepared once and only
/// bound again per execution — prepared anew when the connection's session changed (the connection was closed and
/// opened, which closes its statements). Over REST, for texts of several statements and for a statement without
/// placeholders, parameters stay bound on the client (nothing is prepared on the server).
/// </summary>
internal sealed class CommandPreparation
{
    private WsPreparedStatement? _prepared;

    /// <summary>True once <see cref="PrepareAsync"/> ran, until <see cref="ResetAsync"/>.</summary>
    public bool IsRequested { get; private set; }

    /// <summary>Prepares <paramref name="plan"/> on the server when it can run as a stmt (closing what was prepared before).</summary>
    /// <exception cref="TaosException">The server refused to prepare the statement (its code).</exception>
    public async ValueTask PrepareAsync(TaosConnection connection, List<PlannedStatement> plan, TimeSpan timeout, bool async,
        CancellationToken cancellationToken)
    {
        await ResetAsync(async).ConfigureAwait(false);
        IsRequested = true;
        if (plan is [{ Parameters.Length: > 0 } statement] && StmtPlaceholders.Of(statement.Sql).Count > 0
            && await connection.GetSessionAsync(async, cancellationToken).ConfigureAwait(false) is WsSession session)
        {
            _prepared = await WsPreparedStatement.PrepareAsync(session, statement.Sql, timeout, async, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="request"/>: through the prepared statement when the command is prepared for stmt, else on the session.</summary>
    public async ValueTask<ITaosResult> ExecuteAsync(ITaosSession session, PlannedStatement statement, TaosRequest request, bool async,
        CancellationToken cancellationToken)
    {
        if (!IsRequested || statement.Count > 1 || request.Parameters.Count == 0 || session is not WsSession ws
            || (_prepared is null && StmtPlaceholders.Of(statement.Sql).Count == 0))
        {
            return await session.ExecuteAsync(request, async, cancellationToken).ConfigureAwait(false);
        }
        if (_prepared is null || !_prepared.IsFor(ws, statement.Sql))
        {
            await CloseAsync(async).ConfigureAwait(false);
            _prepared = await WsPreparedStatement.PrepareAsync(ws, statement.Sql, request.Timeout, async, cancellationToken).ConfigureAwait(false);
        }
        return await _prepared.ExecuteAsync(request, async, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unprepares: closes the server's statement, and executions bind on the client until the next prepare.</summary>
    public async ValueTask ResetAsync(bool async)
    {
        IsRequested = false;
        await CloseAsync(async).ConfigureAwait(false);
    }

    private async ValueTask CloseAsync(bool async)
    {
        if (_prepared is { } prepared)
        {
            _prepared = null;
            await prepared.Statement.CloseAsync(async).ConfigureAwait(false);
        }
    }
}
