namespace Taos.Transport.WebSocket.Stmt;

/// <summary>
/// The statements a <see cref="WsSession"/> has prepared on its socket and not closed: they are closed together
/// when the connection holding the session closes (or returns it to the pool), so a pooled session never carries a
/// statement into its next connection.
/// </summary>
internal sealed class WsStatements
{
    private readonly List<WsStatement> _open = [];

    /// <summary>Statements open now (closed ones are forgotten).</summary>
    public int Count
    {
        get
        {
            _open.RemoveAll(s => s.IsClosed);
            return _open.Count;
        }
    }

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="socket"/> and keeps the statement until <see cref="CloseAllAsync"/>.</summary>
    /// <exception cref="TaosException">The server refused the SQL, or the socket failed.</exception>
    public async ValueTask<WsStatement> OpenAsync(WsSocket socket, string sql, TimeSpan timeout, bool async, CancellationToken cancellationToken)
    {
        var statement = await WsStatement.OpenAsync(socket, sql, timeout, async, cancellationToken).ConfigureAwait(false);
        _open.RemoveAll(s => s.IsClosed);
        _open.Add(statement);
        return statement;
    }

    /// <summary>Closes every open statement (<c>close</c> gets no reply, so this does not wait for the server).</summary>
    public async ValueTask CloseAllAsync(bool async)
    {
        foreach (var statement in _open)
        {
            await statement.CloseAsync(async).ConfigureAwait(false);
        }
        _open.Clear();
    }
}
