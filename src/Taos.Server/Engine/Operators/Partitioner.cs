using Taos.Server.Engine.Binding;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// PARTITION BY / GROUP BY keying, the one used by every operator that groups: which group a row belongs to
/// (numbered in order of first appearance), and which groups SLIMIT keeps.
/// </summary>
internal sealed class Partitioner(IReadOnlyList<CExpr> keys, LimitClause? slimit)
{
    /// <summary>No keys: all rows form one group.</summary>
    public bool IsSingleGroup { get; } = keys.Count == 0;

    /// <summary>The keys read only tags and tbname, so every row of a table (and of a batch) is in the same group.</summary>
    public bool KeysPerTable { get; } = keys.All(k => !k.UsesColumns);

    /// <summary>A fresh numbering of groups for one run of a query.</summary>
    public GroupTable NewTable() => new(this);

    /// <summary>The key text of the row in <paramref name="ctx"/>.</summary>
    public string KeyOf(EvalContext ctx)
    {
        if (keys.Count == 0) return "";
        var k = new object?[keys.Count];
        for (int i = 0; i < k.Length; i++) k[i] = keys[i].Eval(ctx);
        return Values.KeyOf(k);
    }

    /// <summary>The groups SLIMIT keeps, in order.</summary>
    public IEnumerable<T> Select<T>(IEnumerable<T> groups)
    {
        if (slimit is not { } sl) return groups;
        return groups.Skip((int)Math.Min(int.MaxValue, sl.Offset)).Take((int)Math.Min(int.MaxValue, sl.Count));
    }
}
