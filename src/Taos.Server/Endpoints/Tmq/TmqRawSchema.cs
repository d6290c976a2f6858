using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Ddl;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Endpoints.Tmq;

/// <summary>
/// Schemas in TDengine's vnode requests: <c>SSchemaWrapper</c> (column count, version, then per column its type,
/// flags, bytes, column id and name), <c>SColCmprWrapper</c> (per column its id and compression u32), table uids.
/// Columns are numbered 1… and tags after them; bytes are TDengine's (VARCHAR n+2, NCHAR 4n+2, JSON 16384).
/// </summary>
internal static class TmqRawSchema
{
    /// <summary>SSchema flags of a column (COL_SMA_ON).</summary>
    private const int ColumnFlags = 1;

    /// <summary>TSDB_MAX_JSON_TAG_LEN, the bytes of a JSON tag.</summary>
    private const int JsonBytes = 16384;

    /// <summary>TDengine's bytes of a column or tag.</summary>
    public static int Bytes(MetaColumn c) => c.Type switch
    {
        TaosDataType.NChar => (c.Length * 4) + 2,
        TaosDataType.Json => JsonBytes,
        _ when TaosTypes.IsVariableLength(c.Type) => c.Length + 2,
        _ => TaosTypes.FixedSize(c.Type) ?? c.Length,
    };

    /// <summary>The declared length of a column or tag of <paramref name="bytes"/> TDengine bytes.</summary>
    public static int Length(TaosDataType type, int bytes) => type switch
    {
        TaosDataType.NChar => (bytes - 2) / 4,
        TaosDataType.Json => TaosTypes.FixedSize(type)!.Value,
        _ when TaosTypes.IsVariableLength(type) => bytes - 2,
        _ => bytes,
    };

    /// <summary>A table's uid: 63 bits of MurmurHash3 of its full name (stable across runs, the same for a name in another server).</summary>
    public static long Uid(string database, string table)
    {
        byte[] name = Encoding.UTF8.GetBytes("1." + database + "." + table);
        ulong high = Vgroups.Hash(name);
        ulong low = Vgroups.Hash([.. name, (byte)'#']);
        return (long)(((high << 32) | low) & long.MaxValue);
    }

    /// <summary>An SSchemaWrapper of <paramref name="columns"/> numbered from <paramref name="firstId"/>.</summary>
    public static void Write(TmqEncoder encoder, IReadOnlyList<MetaColumn> columns, int firstId, int version, bool tags)
    {
        encoder.Signed(columns.Count).Signed(version);
        for (int i = 0; i < columns.Count; i++)
        {
            encoder.I8((int)columns[i].Type).I8(tags ? 0 : ColumnFlags).Signed(Bytes(columns[i])).Signed(firstId + i).CString(columns[i].Name);
        }
    }

    /// <summary>Reads an SSchemaWrapper.</summary>
    public static List<MetaColumn> Read(ref TmqDecoder decoder)
    {
        int count = decoder.Count();
        decoder.Signed();
        var columns = new List<MetaColumn>(count);
        for (int i = 0; i < count; i++)
        {
            var type = (TaosDataType)decoder.U8();
            decoder.I8();
            int bytes = checked((int)decoder.Signed());
            decoder.Signed();
            string name = decoder.CString();
            if (!Enum.IsDefined(type) || type == TaosDataType.Null) throw new FormatException($"raw meta column {name} of unknown type {(int)type}");
            columns.Add(new MetaColumn(name, type, Length(type, bytes)));
        }
        return columns;
    }

    /// <summary>An SColCmprWrapper: each column's id and compression (encode &lt;&lt; 24 | compress &lt;&lt; 8 | level).</summary>
    public static void WriteCompression(TmqEncoder encoder, IReadOnlyList<MetaColumn> columns, int version)
    {
        encoder.Signed(columns.Count).Signed(version);
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            uint alg = (Id(c.Encode ?? DescribeCommand.DefaultEncode(c.Type), Encodes) << 24)
                | (Id(c.Compress ?? "lz4", Compressions) << 8) | Id(c.Level ?? "medium", Levels);
            encoder.Signed(i + 1).U32(alg);
        }
    }

    /// <summary>Skips an SColCmprWrapper (this server creates tables with the default compression).</summary>
    public static void SkipCompression(ref TmqDecoder decoder)
    {
        int count = decoder.Count();
        decoder.Signed();
        for (int i = 0; i < count; i++)
        {
            decoder.Signed();
            decoder.Take(4);
        }
    }

    private static readonly string[] Encodes = ["", "simple8b", "xor", "bit-packing", "delta-i", "delta-d"];
    private static readonly string[] Compressions = ["", "lz4", "zlib", "zstd", "tsz", "xz"];
    private static readonly string[] Levels = ["", "high", "medium", "low"];

    private static uint Id(string name, string[] names)
    {
        int id = Array.IndexOf(names, name);
        return id < 0 ? 0xFFu : (uint)id;
    }
}
