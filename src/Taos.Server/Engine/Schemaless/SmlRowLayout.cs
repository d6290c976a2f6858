using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// Where the fields of a super table's points go in its rows. Consecutive points usually carry the same keys in the
/// same order: such a point reuses the mapping (and the sorted column list) of the point before it, so a row costs
/// its values only.
/// </summary>
internal sealed class SmlRowLayout
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private string[] _keys = [];
    private int[] _slots = [];
    private int[] _columns = [];

    /// <summary>A layout for the rows of <paramref name="super"/>.</summary>
    public SmlRowLayout(TableInfo super)
    {
        Width = super.Columns.Count;
        for (int c = 0; c < super.Columns.Count; c++) _indexes.TryAdd(super.Columns[c].Name, c);
    }

    /// <summary>The number of columns of a row.</summary>
    public int Width { get; }

    /// <summary>
    /// A schema-wide row of the point's fields at <paramref name="timestamp"/>; <paramref name="columns"/> receives the
    /// columns it gives, sorted (the same array for points with the same keys: never changed once handed out).
    /// 9788 when a field repeats or is named like the timestamp column.
    /// </summary>
    public object?[] Row(SmlPoint point, object timestamp, out int[] columns)
    {
        var fields = point.Fields;
        if (!SameKeys(fields)) Remap(fields);
        var values = new object?[Width];
        values[0] = timestamp;
        for (int i = 0; i < fields.Count; i++) values[_slots[i]] = fields[i].Value;
        columns = _columns;
        return values;
    }

    private bool SameKeys(IReadOnlyList<SmlKv> fields)
    {
        if (fields.Count != _keys.Length) return false;
        for (int i = 0; i < _keys.Length; i++)
        {
            if (!string.Equals(fields[i].Key, _keys[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private void Remap(IReadOnlyList<SmlKv> fields)
    {
        var keys = new string[fields.Count];
        var slots = new int[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            int index = _indexes.GetValueOrDefault(fields[i].Key, -1);
            if (index <= 0 || slots.AsSpan(0, i).Contains(index))
                throw new TaosServerException(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
            keys[i] = fields[i].Key;
            slots[i] = index;
        }
        var columns = new int[fields.Count + 1];
        slots.CopyTo(columns, 1);
        columns.AsSpan().Sort();
        (_keys, _slots, _columns) = (keys, slots, columns);
    }
}
