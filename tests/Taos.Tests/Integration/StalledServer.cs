using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Taos.Tests.Integration;

/// <summary>
/// A loopback socket server that answers every request with <paramref name="prefix"/> (raw HTTP, may be empty) and
/// then sends nothing more while keeping the connection open: a server that hangs, for timeout and cancellation tests.
/// </summary>
internal sealed class StalledServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _loop;
    private readonly TaskCompletionSource _requestReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StalledServer(string prefix)
    {
        _listener.Start();
        _loop = AcceptLoop(Encoding.UTF8.GetBytes(prefix));
    }

    /// <summary>Completes once the head of a first request has been read: the client is now waiting for the answer.</summary>
    public Task RequestReceived => _requestReceived.Task;

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public static string ChunkedPrefix(string body) =>
        "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" +
        Encoding.UTF8.GetByteCount(body).ToString("x") + "\r\n" + body + "\r\n";

    private async Task AcceptLoop(byte[] prefix)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients) _clients.Add(client);
                var stream = client.GetStream();
                // Read the request head, then answer with the prefix only.
                var buf = new byte[8192];
                _ = await stream.ReadAsync(buf, _stop.Token);
                _requestReceived.TrySetResult();
                if (prefix.Length > 0) await stream.WriteAsync(prefix, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients) _clients.ForEach(c => c.Dispose());
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }
    }
}
