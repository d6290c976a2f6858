namespace Taos.Server.Engine.Binding;

/// <summary>What a name of the FROM source is: a column of the rows, a tag of the table, or <c>tbname</c>.</summary>
internal enum SlotKind { Column, Tag, TableName }

/// <summary>
/// A name the FROM source offers: a column, a tag or <c>tbname</c>; <see cref="Index"/> is its place among the columns
/// or tags. <see cref="Qualifier"/> is the alias (or table name) of a join's side that offers it.
/// </summary>
internal sealed record SourceColumn(string Name, TaosDataType Type, int Length, SlotKind Kind, int Index, string? Qualifier = null)
{
    /// <summary>False for a join side's tags and <c>tbname</c>: selectable by name, left out of <c>*</c>.</summary>
    public bool InStar { get; init; } = true;
}

/// <summary>The names and types a FROM source offers, and where its primary timestamp is.</summary>
internal sealed class SourceLayout
{
    public List<SourceColumn> Columns { get; } = [];

    /// <summary>Index of the primary timestamp among the row values, or −1.</summary>
    public int TsIndex { get; init; } = -1;

    /// <summary>True when <c>*</c> includes the tags (a super table).</summary>
    public bool StarIncludesTags { get; init; }

    /// <summary>How many values a row of the source holds (its columns, not its tags).</summary>
    public int RowWidth => Columns.Count(c => c.Kind == SlotKind.Column);

    /// <summary>
    /// The column of that exact name: the parser already lowercased unquoted names, and TDengine compares names
    /// case-sensitively, so <c>val</c> does not find a column created as <c>`Val`</c>.
    /// </summary>
    public SourceColumn? Find(string name)
    {
        foreach (var c in Columns)
        {
            if (c.Name == name) return c;
        }
        return null;
    }

    /// <summary>Over a join, a name without qualifier that more than one input offers.</summary>
    public bool IsAmbiguous(string name)
    {
        int n = 0;
        foreach (var c in Columns)
        {
            if (c.Qualifier is not null && c.Name == name) n++;
        }
        return n > 1;
    }

    /// <summary>
    /// <c>qualifier.name</c>: over a join, the column of that side; elsewhere (no side has qualifiers) the qualifier
    /// is not checked and the name alone finds the column.
    /// </summary>
    public SourceColumn? Find(string name, string? qualifier)
    {
        if (qualifier is null || !Columns.Exists(c => c.Qualifier is not null)) return Find(name);
        foreach (var c in Columns)
        {
            if (c.Name == name && c.Qualifier == qualifier) return c;
        }
        return null;
    }
}
