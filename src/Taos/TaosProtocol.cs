namespace Taos;

/// <summary>How a connection reaches TDengine: the connection string's <c>Protocol</c> keyword.</summary>
public enum TaosProtocol
{
    /// <summary>taosAdapter's REST interface (<c>/rest/sql</c>), the default.</summary>
    Rest = 0,

    /// <summary>
    /// taosAdapter's WebSocket interface (<c>/ws</c>): one socket per open connection, results as binary raw blocks.
    /// Chosen by a <c>ws://</c> or <c>wss://</c> URL too.
    /// </summary>
    WebSocket = 1,
}
