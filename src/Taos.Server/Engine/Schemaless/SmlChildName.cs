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
