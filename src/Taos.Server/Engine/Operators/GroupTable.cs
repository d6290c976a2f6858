using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>The groups met so far in one run: key to group number, numbers given in order of first appearance.</summary>
internal sealed class GroupTable(Partitioner partitioner)
{
    private readonly Dictionary<string, int> _index = [];

    /// <summary>The group of the row in <paramref name="ctx"/>; <paramref name="isNew"/> when it is the first row of its group.</summary>
    public int GroupOf(EvalContext ctx, out bool isNew)
    {
        if (partitioner.IsSingleGroup && _index.Count == 1)
        {
            isNew = false;
            return 0;
        }
        string key = partitioner.KeyOf(ctx);
        if (_index.TryGetValue(key, out int g))
        {
            isNew = false;
            return g;
        }
        _index[key] = g = _index.Count;
        isNew = true;
        return g;
    }
}
