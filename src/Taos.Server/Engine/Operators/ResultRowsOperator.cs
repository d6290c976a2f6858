using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// The rows of an already planned query (one block of a UNION), each value converted to the type of the column
/// it lands in (<paramref name="columns"/>, the first block's): a string under an INT column becomes its number.
/// </summary>
internal sealed class ResultRowsOperator(RowSetResult result, IReadOnlyList<ResultColumn> columns, TimeZoneInfo zone) : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var converts = new bool[columns.Count];
        for (int i = 0; i < columns.Count; i++) converts[i] = result.Columns[i].Type != columns[i].Type;
        bool any = converts.Contains(true);
        foreach (var source in result.Rows)
        {
            var row = source;
            if (any)
            {
                row = (object?[])source.Clone();
                for (int i = 0; i < row.Length; i++)
                {
                    if (converts[i]) row[i] = Values.Convert(row[i], columns[i].Type, result.Precision, zone);
                }
            }
            yield return new OutRow(row, null, 0);
        }
    }
}
