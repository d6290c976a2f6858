using System.Security.Cryptography;
using System.Text;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// The child table name TDengine derives for a point (tname.c <c>buildChildTableName</c>): <c>t_</c> and the hex MD5
/// of the measurement followed by <c>,key=value</c> for every tag in key order — a string value's bytes, any other
/// value's in-memory bytes (little-endian double, one byte for a bool).
/// </summary>
internal static class SmlChildName
{
    /// <summary>
    /// The point's child table name and the point as written: with <paramref name="childTableTag"/> (taos.cfg's
    /// <c>smlChildTableName</c>) set and the point carrying a tag of exactly that name, that tag's value names the
    /// child table (a '.' becoming '_', as smlDot2Underline does) and the tag itself is dropped; otherwise the name
    /// is <see cref="Of"/>'s and the point stays as it is.
    /// </summary>
    public static (string Name, SmlPoint Point) Resolve(string measurement, SmlPoint point, string? childTableTag)
    {
        int at = string.IsNullOrEmpty(childTableTag) ? -1 : IndexOf(point.Tags, childTableTag);
        if (at >= 0 && Convert.ToString(point.Tags[at].Value, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } name)
        {
            return (name.Replace('.', '_'), point with { Tags = point.Tags.Where((_, i) => i != at).ToList() });
        }
        return (Of(measurement, point.Tags), point);
    }

    private static int IndexOf(IReadOnlyList<SmlKv> tags, string key)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            if (tags[i].Key == key) return i;
        }
        return -1;
    }

    /// <summary>TDengine's derived name: <c>t_</c> and the MD5 of the measurement and the sorted tags.</summary>
    public static string Of(string measurement, IReadOnlyList<SmlKv> tags)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(measurement));
        foreach (var tag in tags.OrderBy(t => Encoding.UTF8.GetBytes(t.Key), ByteOrder.Instance))
        {
            bytes.Add((byte)',');
            bytes.AddRange(Encoding.UTF8.GetBytes(tag.Key));
            bytes.Add((byte)'=');
            bytes.AddRange(tag.Value switch
            {
                string s => Encoding.UTF8.GetBytes(s),
                byte[] b => b,
                double d => BitConverter.GetBytes(d),
                bool b => [b ? (byte)1 : (byte)0],
                _ => Encoding.UTF8.GetBytes(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            });
        }
        return "t_" + Convert.ToHexStringLower(MD5.HashData(bytes.ToArray()));
    }

    /// <summary>clientSml's <c>compareKv</c>: bytes compared up to the shorter length, then the shorter first.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
