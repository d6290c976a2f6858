namespace Taos.Transport;

/// <summary>
/// What one open connection holds on its transport: the current default database, the server's version once known,
/// and the statements it runs. Made by <see cref="ITaosTransport.CreateSession"/>, opened once, then lent to one open
/// connection at a time by the data source's pool (disposed when the pool drops it, or on close without pooling).
/// Not thread-safe, like the connection that holds it.
/// </summary>
internal interface ITaosSession : IDisposable
{
    /// <summary>The current default database, or null for none.</summary>
    string? Database { get; }

    /// <summary>The version the server reported, or null while it is not known.</summary>
    string? ServerVersion { get; }

    /// <summary>True once the underlying connection failed; a pool discards such a session.</summary>
    bool IsBroken { get; }

    /// <summary>
    /// Starts the session. With <paramref name="verify"/> the server and the credentials are checked now (a transport
    /// may check once and remember); without it a transport that needs no handshake starts without traffic.
    /// Throws <see cref="TaosException"/> when the server cannot be reached or refuses the credentials.
    /// </summary>
    ValueTask OpenAsync(bool verify, TimeSpan timeout, bool async, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one statement and returns its result positioned before the first row. Throws <see cref="TaosException"/>
    /// for an error answer, network failures and timeouts; <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires; the binding exceptions of the transport for parameters it cannot send.
    /// </summary>
    ValueTask<ITaosResult> ExecuteAsync(TaosRequest request, bool async, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="database"/> the default database of the following statements.</summary>
    ValueTask ChangeDatabaseAsync(string database, bool async, CancellationToken cancellationToken);

    /// <summary>
    /// Writes schemaless data into <see cref="Database"/> (the caller checks there is one): all of it, or nothing of it
    /// with TDengine's error as a <see cref="TaosException"/>. Returns the rows written when the server reports them,
    /// else null. Network failures and timeouts are <see cref="TaosException"/>s with <see cref="TaosException.IsTransient"/>.
    /// </summary>
    ValueTask<long?> InsertSchemalessAsync(SchemalessRequest request, bool async, CancellationToken cancellationToken);
}
