using System.Globalization;
using System.Text.RegularExpressions;

namespace Taos.Server.Tests.Conformance;

/// <summary>What one line of an official client's recorded session is.</summary>
internal enum OfficialMessageKind
{
    /// <summary>The client's HTTP upgrade request; <see cref="OfficialMessage.Text"/> is the path.</summary>
    Upgrade,
    /// <summary>A text frame.</summary>
    Text,
    /// <summary>A binary frame, hex-dumped (possibly cut: see <see cref="OfficialMessage.Truncated"/>).</summary>
    Binary,
    /// <summary>A close frame.</summary>
    Close,
}

/// <summary>
/// One message of a recorded session: its connection number, direction, kind and content. A binary frame keeps the
/// bytes the recording shows (<see cref="Bytes"/>) and its real <see cref="Length"/>; the recorder cut frames after
/// 96 bytes (<see cref="Truncated"/>).
/// </summary>
internal sealed record OfficialMessage(int Connection, bool FromClient, OfficialMessageKind Kind, string Text, byte[] Bytes, int Length)
{
    public bool Truncated => Bytes.Length < Length;
}

/// <summary>
/// Parses the session of an official connector recorded by a loopback proxy (<c>data/ws/official-clients</c>): one
/// line per message, <c>#N C&gt; …</c> from the client and <c>#N S&gt; …</c> from the server on connection N, where
/// … is <c>HTTP …</c> (the upgrade), a JSON text frame, <c>&lt;binary L bytes&gt; HEX[...]</c> or <c>[close] CODE</c>.
/// </summary>
internal static partial class OfficialSession
{
    [GeneratedRegex(@"^#(\d+) ([CS])> (.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^<binary (\d+) bytes> ([0-9a-f]*)(\.\.\.)?$")]
    private static partial Regex BinaryPattern();

    [GeneratedRegex(@"^HTTP GET (\S+) ")]
    private static partial Regex UpgradePattern();

    /// <summary>Every message of the file, in recorded order (server-side HTTP lines dropped).</summary>
    public static List<OfficialMessage> Parse(IEnumerable<string> lines)
    {
        var messages = new List<OfficialMessage>();
        foreach (string line in lines)
        {
            if (line.Length == 0) continue;
            var m = LinePattern().Match(line);
            if (!m.Success) throw new FormatException("not a session line: " + line);
            int connection = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            bool client = m.Groups[2].Value == "C";
            string rest = m.Groups[3].Value;
            if (rest.StartsWith("HTTP ", StringComparison.Ordinal))
            {
                if (client) messages.Add(new(connection, true, OfficialMessageKind.Upgrade, UpgradePattern().Match(rest).Groups[1].Value, [], 0));
                continue;
            }
            if (rest.StartsWith("[close]", StringComparison.Ordinal))
            {
                messages.Add(new(connection, client, OfficialMessageKind.Close, rest, [], 0));
                continue;
            }
            var b = BinaryPattern().Match(rest);
            if (b.Success)
            {
                byte[] bytes = Convert.FromHexString(b.Groups[2].Value);
                int length = int.Parse(b.Groups[1].Value, CultureInfo.InvariantCulture);
                if (b.Groups[3].Success != (bytes.Length < length)) throw new FormatException("binary length and cut mark disagree: " + line);
                messages.Add(new(connection, client, OfficialMessageKind.Binary, "", bytes, length));
                continue;
            }
            messages.Add(new(connection, client, OfficialMessageKind.Text, rest, [], 0));
        }
        return messages;
    }
}
