using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Catalog;

/// <summary>
/// The vgroups of a database, as TDengine lays them out: <c>VGROUPS n</c> (default 2) vgroups whose ids are
/// numbered cluster-wide (a new database takes the ids after the highest one in use, the first ever being 2), each
/// owning an equal slice of the 32-bit hash range; a table belongs to the vgroup whose slice holds TDengine's
/// MurmurHash3 (x86, 32-bit, seed 0x12345678) of its full name <c>1.db.table</c> (account id 1).
/// </summary>
internal static class Vgroups
{
    /// <summary>The key of <see cref="DatabaseInfo.Options"/> that keeps a database's first vgroup id.</summary>
    public const string FirstIdOption = "vgroup_first_id";

    /// <summary>TDengine's default number of vgroups per database.</summary>
    public const int DefaultCount = 2;

    /// <summary>TDengine's first vgroup id (1 is the mnode's).</summary>
    private const int FirstId = 2;

    /// <summary>How many vgroups the database has.</summary>
    public static int Count(DatabaseInfo database) =>
        database.Options.TryGetValue("vgroups", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : DefaultCount;

    /// <summary>The first vgroup id a database created next gets: one past the highest id of <paramref name="existing"/>.</summary>
    public static string NextFirstId(IReadOnlyList<DatabaseInfo> existing)
    {
        int next = FirstId;
        for (int i = 0; i < existing.Count; i++)
        {
            next = Math.Max(next, First(existing[i], existing.Take(i)) + Count(existing[i]));
        }
        return next.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The database's vgroup ids in hash-range order.</summary>
    public static IReadOnlyList<int> Ids(ICatalogReader catalog, DatabaseInfo database)
    {
        int first = First(database, catalog.Databases().TakeWhile(d => d.Name != database.Name));
        return Enumerable.Range(first, Count(database)).ToList();
    }

    /// <summary>The id of the vgroup that holds <paramref name="table"/> of <paramref name="database"/>.</summary>
    public static int Of(ICatalogReader catalog, DatabaseInfo database, string table)
    {
        uint hash = Hash(Encoding.UTF8.GetBytes("1." + database.Name + "." + table));
        int count = Count(database);
        uint interval = uint.MaxValue / (uint)count;
        int index = (int)Math.Min(hash / interval, (uint)(count - 1));
        return Ids(catalog, database)[index];
    }

    /// <summary>
    /// The first id: as stored at creation, else (a database created before vgroups were numbered) one past the ids
    /// of the databases created before it.
    /// </summary>
    private static int First(DatabaseInfo database, IEnumerable<DatabaseInfo> before)
    {
        if (database.Options.TryGetValue(FirstIdOption, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
            return id;
        return FirstId + before.Sum(Count);
    }

    /// <summary>MurmurHash3 x86 32-bit with TDengine's seed.</summary>
    internal static uint Hash(ReadOnlySpan<byte> data)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = 0x12345678;
        int blocks = data.Length / 4;
        for (int i = 0; i < blocks; i++)
        {
            uint k = BitConverter.ToUInt32(data.Slice(i * 4, 4));
            h ^= uint.RotateLeft(k * c1, 15) * c2;
            h = uint.RotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        var tail = data[(blocks * 4)..];
        uint t = 0;
        for (int i = tail.Length - 1; i >= 0; i--) t = (t << 8) | tail[i];
        if (tail.Length > 0) h ^= uint.RotateLeft(t * c1, 15) * c2;
        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
