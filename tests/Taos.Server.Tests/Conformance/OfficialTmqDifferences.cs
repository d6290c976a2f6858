using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Conformance;

/// <summary>
/// The replies of the official client's TMQ connections (23 and 26) the embedded server cannot give byte for byte,
/// and how they are checked instead.
/// <para>
/// Block order: the stmt session (connection 14) wrote d_stmt1 (5000 rows) and then d_stmt2 (10 rows) in one
/// <c>exec</c>; TDengine's stmt merges the tables of one batch through a hash table, so its single write (and the
/// one message consumers get for it) lists d_stmt2 first. The embedded server keeps the order the tables were
/// written in. Such a fetch reply or block must equal one of the message's recorded blocks instead, <c>req_id</c>
/// aside (a block frame carries its fetch's <c>req_id</c>). A block is compared up to its first column's values:
/// the recorder cut connection 14's bind frames after 96 bytes, so the row values are the ones
/// <see cref="OfficialFrameSynthesizer"/> made up, and the recorded d_stmt2 block shows 6 bytes of its first
/// (real) timestamp.
/// </para>
/// <para>
/// WAL versions: TDengine's offsets are versions of each vnode's write-ahead log, which also counts entries the
/// embedded server has no counterpart for (the leader's no-op entry, every CREATE STABLE once per vgroup, the
/// vnodes' timer-driven entries that grew <c>end</c> between two <c>assignment</c> calls a second apart), and
/// taosc polls every vgroup in the background, so <c>assignment</c> and <c>committed</c> show timing-dependent
/// positions in an order of its hash table. The embedded server's offsets are its database's write sequence numbers.
/// These replies must have the recorded action, code and fields, and name the same vgroups.
/// </para>
/// </summary>
internal static class OfficialTmqDifferences
{
    /// <summary>(connection, message number) of a reply → the message numbers of the same message's recorded blocks.</summary>
    private static readonly Dictionary<(int Connection, int Message), int[]> BlockOrder = new()
    {
        [(23, 9)] = [9, 13], [(23, 13)] = [9, 13], [(23, 11)] = [11, 15], [(23, 15)] = [11, 15],
        [(26, 7)] = [7, 11], [(26, 11)] = [7, 11], [(26, 9)] = [9, 13], [(26, 13)] = [9, 13],
    };

    /// <summary>(connection, message number) of the <c>assignment</c> and <c>committed</c> replies that show WAL versions.</summary>
    private static readonly HashSet<(int Connection, int Message)> WalVersions = [(23, 21), (23, 27), (23, 29), (26, 21), (26, 23)];

    /// <summary>
    /// Null when <paramref name="got"/> passes as the reply numbered <paramref name="message"/> of the connection
    /// (one of the differences above), else why not; <paramref name="recorded"/> gives a recorded message by number.
    /// Returns <paramref name="why"/> unchanged for every other reply.
    /// </summary>
    public static string? Check(int connection, int message, Func<int, OfficialMessage> recorded, (byte[] Data, bool Binary) got, string why)
    {
        if (BlockOrder.TryGetValue((connection, message), out var blocks))
        {
            return blocks.Any(b => SameBlock(recorded(b), got)) ? null : "matches none of the message's recorded blocks: " + why;
        }
        if (WalVersions.Contains((connection, message)))
        {
            return SameShape(recorded(message), got) ? null : "differs beyond WAL versions: " + why;
        }
        return why;
    }

    private static bool SameBlock(OfficialMessage want, (byte[] Data, bool Binary) got)
    {
        if (want.Kind == OfficialMessageKind.Binary)
        {
            int shown = Math.Min(want.Bytes.Length, ValuesAt(want.Bytes));
            return got.Binary && got.Data.Length == want.Length && want.Bytes.AsSpan(16, shown - 16).SequenceEqual(got.Data.AsSpan(16, shown - 16));
        }
        if (got.Binary) return false;
        var wantNode = Strip(want.Text, "timing", "req_id");
        var gotNode = Strip(System.Text.Encoding.UTF8.GetString(got.Data), "timing", "req_id");
        return JsonNode.DeepEquals(wantNode, gotNode);
    }

    /// <summary>Where the first column's values start in a <c>fetch_block</c> frame (24-byte header + raw block).</summary>
    private static int ValuesAt(byte[] frame)
    {
        const int header = 24;
        int rows = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(header + RawBlockLayout.RowsOffset));
        int cols = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(header + RawBlockLayout.ColsOffset));
        return header + RawBlockLayout.HeaderSize + (cols * RawBlockLayout.SchemaEntrySize) + (4 * cols) + RawBlockLayout.BitmapSize(rows);
    }

    private static bool SameShape(OfficialMessage want, (byte[] Data, bool Binary) got)
    {
        if (got.Binary) return false;
        var wantNode = JsonNode.Parse(want.Text)!.AsObject();
        var gotNode = JsonNode.Parse(got.Data)!.AsObject();
        if (!wantNode.Select(p => p.Key).Order().SequenceEqual(gotNode.Select(p => p.Key).Order())) return false;
        foreach (string same in new[] { "code", "message", "action", "req_id" })
        {
            if (!JsonNode.DeepEquals(wantNode[same], gotNode[same])) return false;
        }
        if (wantNode["assignment"] is JsonArray wanted && gotNode["assignment"] is JsonArray given)
        {
            return wanted.Select(v => (int)v!["vgroup_id"]!).Order().SequenceEqual(given.Select(v => (int)v!["vgroup_id"]!).Order());
        }
        return ((JsonArray)wantNode["committed"]!).Count == ((JsonArray)gotNode["committed"]!).Count;
    }

    private static JsonObject Strip(string text, params string[] names)
    {
        var node = JsonNode.Parse(text)!.AsObject();
        foreach (string name in names) node.Remove(name);
        return node;
    }
}
