using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>LIMIT/OFFSET over all rows, or (<paramref name="perGroup"/>) over each partition's rows.</summary>
internal sealed class LimitOperator(RowOperator input, LimitClause limit, bool perGroup) : RowOperator
{
    public override IEnumerable<OutRow> Open()
    {
        if (!perGroup)
        {
            return input.Open().Skip((int)Math.Min(int.MaxValue, limit.Offset)).Take((int)Math.Min(int.MaxValue, limit.Count));
        }
        return PerGroup();
    }

    private IEnumerable<OutRow> PerGroup()
    {
        var counts = new Dictionary<int, long>();
        long end = End(limit);
        foreach (var r in input.Open())
        {
            counts.TryGetValue(r.Group, out long n);
            counts[r.Group] = n + 1;
            if (n >= limit.Offset && n < end) yield return r;
        }
    }

    /// <summary>Offset + count, saturating: LIMIT 9223372036854775807 OFFSET 1 must not wrap to a negative end.</summary>
    public static long End(LimitClause limit) =>
        limit.Count > long.MaxValue - limit.Offset ? long.MaxValue : limit.Offset + limit.Count;
}
