using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>DISTINCT: the first row of each set of equal output values.</summary>
internal sealed class DistinctOperator(RowOperator input) : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        var seen = new HashSet<string>();
        foreach (var r in input.Open())
        {
            if (seen.Add(Values.KeyOf(r.Values))) yield return r;
        }
    }
}
