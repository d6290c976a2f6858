using System.Net;

namespace Taos.Benchmarks.Reader;

/// <summary>
/// Answers every request with the same body from memory: the connector is measured without a server or a socket.
/// </summary>
internal sealed class CannedAnswerHandler(Func<Stream> body) : HttpMessageHandler
{
    /// <summary>Serves <paramref name="body"/> from a read-only memory stream.</summary>
    public CannedAnswerHandler(byte[] body) : this(() => new MemoryStream(body, writable: false))
    {
    }

    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        new(HttpStatusCode.OK) { Content = new StreamContent(body()), RequestMessage = request };

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));
}
