using Taos.Protocol;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Write;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// The super table schema the points of one measurement need, TDengine's way: the timestamp column <c>_ts</c>, then
/// fields and tags in the order first seen; a new table, or an existing one with new columns and tags appended and a
/// too-narrow VARCHAR/NCHAR widened — to the next power of two above the value's byte length, as clientSml sizes it.
/// </summary>
internal static class SmlSchema
{
    /// <summary>The timestamp column of a super table created by schemaless ingest.</summary>
    public const string TimestampColumn = "_ts";

    /// <summary>The tag a measurement written without tags gets.</summary>
    public const string NullTag = "_tag_null";

    private const int MaxBinaryLength = 65517;
    private const int MaxNCharLength = 16379;

    /// <summary>
    /// Every key of the <paramref name="lists"/> with its type and the longest value, in first-seen order; 12292 when a
    /// key's type changes. A list with the same keys as the one before it finds them where that one found them.
    /// </summary>
    public static List<SmlKv> Union(IEnumerable<IReadOnlyList<SmlKv>> lists)
    {
        var order = new List<SmlKv>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        IReadOnlyList<SmlKv> last = [];
        int[] slots = [];
        foreach (var list in lists)
        {
            bool same = SameKeys(last, list);
            if (!same) slots = new int[list.Count];
            for (int k = 0; k < list.Count; k++)
            {
                var kv = list[k];
                if (!same && !index.TryGetValue(kv.Key, out slots[k]))
                {
                    slots[k] = index[kv.Key] = order.Count;
                    order.Add(kv);
                    continue;
                }
                int i = slots[k];
                if (order[i].Type != kv.Type) throw SmlErrors.TypeChanged();
                if (kv.Length > order[i].Length) order[i] = kv;
            }
            last = list;
        }
        return order;
    }

    private static bool SameKeys(IReadOnlyList<SmlKv> a, IReadOnlyList<SmlKv> b)
    {
        if (a.Count != b.Count || a.Count == 0) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>The new super table for <paramref name="fields"/> and <paramref name="tags"/>.</summary>
    public static TableInfo Create(string database, string name, IReadOnlyList<SmlKv> fields, IReadOnlyList<SmlKv> tags)
    {
        CheckDistinct(fields.Select(f => f.Key).Append(TimestampColumn), tags.Select(t => t.Key));
        var columns = new List<ColumnInfo> { new(TimestampColumn, TaosDataType.Timestamp, 8) };
        columns.AddRange(fields.Select(Column));
        var tagColumns = tags.Count == 0 ? [new ColumnInfo(NullTag, TaosDataType.NChar, 1)] : tags.Select(Column).ToList();
        return new TableInfo(database, name, TableKind.Super, null, columns, tagColumns, null);
    }

    /// <summary>The change an existing super table needs for the keys (null when none); 12290 when a key's type differs.</summary>
    public static SchemaChange? Change(TableInfo table, IReadOnlyList<SmlKv> fields, IReadOnlyList<SmlKv> tags)
    {
        // The usual request: every key already there, wide enough, where it belongs (so nothing clashes either).
        if (Fits(table.Columns, table.Tags, fields) && Fits(table.Tags, table.Columns, tags)) return null;
        CheckDistinct(fields.Select(f => f.Key).Concat(table.Columns.Select(c => c.Name)), tags.Select(t => t.Key).Concat(table.Tags.Select(t => t.Name)));
        var columns = table.Columns.ToList();
        var tagColumns = table.Tags.ToList();
        bool changed = Merge(columns, fields) | Merge(tagColumns, tags);
        return changed ? new SchemaChange(columns, tagColumns) : null;
    }

    /// <summary>Whether every key is in <paramref name="columns"/> (and not in <paramref name="others"/>) with its type and room for its value.</summary>
    private static bool Fits(IReadOnlyList<ColumnInfo> columns, IReadOnlyList<ColumnInfo> others, IReadOnlyList<SmlKv> keys)
    {
        foreach (var kv in keys)
        {
            int i = TagBinder.IndexOf(columns, kv.Key);
            if (i < 0 || columns[i].Type != kv.Type || (TaosTypes.IsVariableLength(kv.Type) && columns[i].Length < kv.Length)
                || TagBinder.IndexOf(others, kv.Key) >= 0) return false;
        }
        return true;
    }

    /// <summary>9788 when a name is both a column and a tag (a field named like a tag, or the reverse).</summary>
    private static void CheckDistinct(IEnumerable<string> columns, IEnumerable<string> tags)
    {
        var names = new HashSet<string>(columns, StringComparer.Ordinal);
        if (tags.Any(names.Contains)) throw new TaosServerException(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
    }

    private static bool Merge(List<ColumnInfo> columns, IReadOnlyList<SmlKv> keys)
    {
        bool changed = false;
        foreach (var kv in keys)
        {
            int i = TagBinder.IndexOf(columns, kv.Key);
            if (i < 0)
            {
                columns.Add(Column(kv));
                changed = true;
                continue;
            }
            if (columns[i].Type != kv.Type) throw SmlErrors.InvalidFormat();
            if (TaosTypes.IsVariableLength(kv.Type) && columns[i].Length < kv.Length)
            {
                columns[i] = columns[i] with { Length = Length(kv) };
                changed = true;
            }
        }
        return changed;
    }

    private static ColumnInfo Column(SmlKv kv) =>
        new(kv.Key, kv.Type, TaosTypes.IsVariableLength(kv.Type) ? Length(kv) : TaosTypes.FixedSize(kv.Type) ?? kv.Length);

    /// <summary>clientSml's <c>smlFindNearestPowerOf2</c>: the smallest power of two above the length (the length itself from 256 on), capped.</summary>
    private static int Length(SmlKv kv)
    {
        int result = 1;
        if (kv.Length >= 256)
        {
            result = kv.Length;
        }
        else
        {
            while (result <= kv.Length) result <<= 1;
        }
        return Math.Min(result, kv.Type == TaosDataType.NChar ? MaxNCharLength : MaxBinaryLength);
    }
}
