using Taos.Server.Engine.Binding;

namespace Taos.Server.Engine.Operators;

/// <summary>Turns an evaluation context into an output row: HAVING, the select items and the ORDER BY keys.</summary>
internal sealed class OutputProjector(IReadOnlyList<CExpr> items, CExpr? having, IReadOnlyList<OrderKey> order)
{
    public static OutputProjector Of(BoundSelect bound) => new(bound.Items, bound.Having, bound.Order);

    /// <summary>The output row of <paramref name="ctx"/> in <paramref name="group"/>; false when HAVING rejects it.</summary>
    public bool TryEmit(EvalContext ctx, int group, out OutRow row)
    {
        if (!Passes(ctx))
        {
            row = default;
            return false;
        }
        row = Emit(ctx, group);
        return true;
    }

    /// <summary>The output row of <paramref name="ctx"/> in <paramref name="group"/>, without HAVING.</summary>
    public OutRow Emit(EvalContext ctx, int group) => new(ItemValues(ctx), OrderKeys(ctx), group);

    /// <summary>HAVING over <paramref name="ctx"/> (true without one).</summary>
    public bool Passes(EvalContext ctx) => having is null || Values.IsTrue(having.Eval(ctx));

    /// <summary>
    /// The source column (<see cref="SourceColumn.Index"/>) of each select item when every item is a bare column of
    /// the source rows (not a tag, not tbname, not an expression) and there is no HAVING: the output rows are then
    /// the source's own values. Null otherwise.
    /// </summary>
    public int[]? BareColumns()
    {
        if (having is not null) return null;
        var slots = new int[items.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            if (items[i].Slot is not { Kind: SlotKind.Column } slot) return null;
            slots[i] = slot.Index;
        }
        return slots;
    }

    /// <summary>The select items over <paramref name="ctx"/>.</summary>
    public object?[] ItemValues(EvalContext ctx)
    {
        var values = new object?[items.Count];
        for (int i = 0; i < values.Length; i++) values[i] = items[i].Eval(ctx);
        return values;
    }

    /// <summary>The ORDER BY keys that are expressions of their own (null without ORDER BY).</summary>
    public object?[]? OrderKeys(EvalContext ctx)
    {
        if (order.Count == 0) return null;
        var keys = new object?[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            if (order[i].Expr is { } e) keys[i] = e.Eval(ctx);
        }
        return keys;
    }
}
