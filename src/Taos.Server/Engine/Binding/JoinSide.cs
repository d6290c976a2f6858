namespace Taos.Server.Engine.Binding;

/// <summary>
/// One input of a join, read whole: its columns (each qualified by the alias or table name it came from; a table's
/// tags and <c>tbname</c> among them, left out of <c>*</c>), its rows, the positions of the primary timestamps a
/// join condition may name (one per table or subquery; several for a nested join), and the timestamp its result keeps.
/// </summary>
internal sealed record JoinSide(
    IReadOnlyList<SourceColumn> Columns, IEnumerable<object?[]> Rows, IReadOnlySet<int> PrimaryTs, int TsIndex, TaosPrecision Precision)
{
    /// <summary>The position of <c>qualifier.name</c> among the columns, or −1.</summary>
    public int Find(string qualifier, string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Qualifier == qualifier && Columns[i].Name == name) return i;
        }
        return -1;
    }
}
