using System.Net;
using System.Text;

namespace Taos.Tests.Recorded;

/// <summary>
/// Answers every request with one response recorded from a real TDengine 3.3.0.1 (conformance/rest-raw), delivering
/// the body a few bytes per read so the decoder must resume rows across buffer refills.
/// </summary>
internal sealed class RecordedHandler(string file, int chunk = 7) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];
    public List<string> Bodies { get; } = [];

    public static (HttpStatusCode Status, byte[] Body) Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Recorded", file);
        string text = File.ReadAllText(path, Encoding.UTF8);
        int start = text.IndexOf("HTTP/1.1 ", StringComparison.Ordinal);
        int status = int.Parse(text.AsSpan(start + 9, 3));
        int body = text.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
        return ((HttpStatusCode)status, Encoding.UTF8.GetBytes(text[body..].TrimEnd('\n', '\r')));
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content!.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult());
        var (status, body) = Load(file);
        return new HttpResponseMessage(status) { Content = new StreamContent(new TrickleStream(body, chunk)) };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
