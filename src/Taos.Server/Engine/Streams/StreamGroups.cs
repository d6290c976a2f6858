using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// Where a stream writes a group's rows: the child table of the target super table named by SUBTABLE, or else
/// <c>t_</c> and the MD5 of the super table and group id (the shape of TDengine's generated child names), with the
/// tag values: the group id in a <c>group_id</c> tag, or the PARTITION BY values in the TAGS the stream declared.
/// </summary>
internal static class StreamGroups
{
    /// <summary>The <c>group_id</c> tag a target super table gets when the stream declares no TAGS.</summary>
    public static ColumnInfo GroupIdTag { get; } = new("group_id", TaosDataType.UBigInt, 8);

    /// <summary>The 64-bit id of the group with <paramref name="key"/> (its PARTITION BY values); 0 without PARTITION BY.</summary>
    public static ulong GroupId(IReadOnlyList<object?> key)
    {
        if (key.Count == 0) return 0;
        var text = new StringBuilder();
        foreach (var value in key) text.Append(Canonical(value)).Append('\u001f');
        return BitConverter.ToUInt64(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0);
    }

    /// <summary>The child table of <paramref name="stable"/> the group writes to: <paramref name="subtable"/> when given, else generated.</summary>
    public static string ChildName(TableInfo stable, ulong groupId, string? subtable)
    {
        if (!string.IsNullOrEmpty(subtable)) return subtable;
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(stable.Database + "." + stable.Name + ",group_id=" + groupId.ToString(CultureInfo.InvariantCulture)));
        return "t_" + Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// For each tag of <paramref name="stable"/>, the index of the PARTITION BY expression giving its value (by name,
    /// else by position when the counts agree), or -1 for the <c>group_id</c> tag; 9730 for a tag nothing gives.
    /// </summary>
    public static int[] TagSources(TableInfo stable, IReadOnlyList<Sql.Ast.Expr> partitionBy)
    {
        if (IsGroupIdOnly(stable)) return [-1];
        var sources = new int[stable.Tags.Count];
        for (int i = 0; i < sources.Length; i++)
        {
            int byName = partitionBy.Select((p, j) => (p, j)).FirstOrDefault(x => x.p.Text == stable.Tags[i].Name, (null!, -1)).Item2;
            sources[i] = byName >= 0 ? byName : partitionBy.Count == sources.Length ? i : throw StreamErrors.InvalidColumn(stable.Tags[i].Name);
        }
        return sources;
    }

    /// <summary>The tag values of a group's child table.</summary>
    public static object?[] TagValues(TableInfo stable, int[] sources, IReadOnlyList<object?> key, ulong groupId) =>
        sources.Select((s, i) => s < 0 ? groupId : StreamValues.Convert(key[s], stable.Tags[i])).ToArray();

    /// <summary>Whether the super table's only tag is the <c>group_id</c> a stream adds.</summary>
    public static bool IsGroupIdOnly(TableInfo stable) => stable.Tags is [{ Name: "group_id", Type: TaosDataType.UBigInt }];

    private static string Canonical(object? value) => value switch
    {
        null => "\u0000",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
