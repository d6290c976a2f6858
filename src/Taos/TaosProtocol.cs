namespace Taos;

/// <summary>How a connection reaches TDengine: the connection string's <c>Protocol</c> keyword.</summary>
public enum TaosProtocol
{
    /// <summary>taosAdapter's REST interface (<c>/rest/sql</c>), the default.</summary>
    Rest = 0,
}
