using System.Buffers.Binary;
using System.Diagnostics;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// Who the cluster is, from what the catalog keeps: TDengine creates the cluster (its id, name and create time) with
/// its data directory, as the embedded server creates its super user; the cluster's create time is that user's and
/// its id and name are derived from it, so they stay the same across restarts of the same data directory.
/// </summary>
internal static class ClusterIdentity
{
    /// <summary>When this server process started (ms since the epoch): the dnode's reboot time and the mnode's role time.</summary>
    public static long StartTime { get; } = new DateTimeOffset(Process.GetCurrentProcess().StartTime).ToUnixTimeMilliseconds();

    /// <summary>When the data directory was created (ms since the epoch): the super user's create time.</summary>
    public static long? CreateTime(ICatalogReader catalog) =>
        catalog.Users().FirstOrDefault(u => u.Super)?.CreateTime;

    /// <summary>The cluster id: a positive 64-bit number derived from <see cref="CreateTime"/>.</summary>
    public static long Id(ICatalogReader catalog) => (long)(Mix((ulong)(CreateTime(catalog) ?? 0)) & long.MaxValue);

    /// <summary>The cluster name: a UUID derived from <see cref="CreateTime"/> (TDengine names its cluster by a UUID).</summary>
    public static string Name(ICatalogReader catalog)
    {
        ulong seed = (ulong)(CreateTime(catalog) ?? 0);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Mix(seed));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], Mix(seed ^ 0x9E3779B97F4A7C15UL));
        return new Guid(bytes).ToString("D");
    }

    /// <summary>Seconds this server has been up (ins_cluster.uptime).</summary>
    public static int Uptime => (int)Math.Max(0, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - StartTime) / 1000);

    /// <summary>SplitMix64's finalizer: spreads a seed over 64 bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
