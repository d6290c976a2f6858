namespace Taos.Server.Engine.Functions;

/// <summary>
/// One function of the SQL dialect: its <see cref="Kind"/>, how many arguments it takes, whether <c>*</c> may be
/// its argument, and its result type when that does not depend on the arguments (null: derived from them).
/// </summary>
internal sealed record FunctionInfo(string Name, FunctionKind Kind, int MinArgs, int MaxArgs, bool AcceptsStar = false, TaosDataType? ResultType = null)
{
    /// <summary>An aggregate or a selector: evaluated once per group or window.</summary>
    public bool IsAggregate => Kind is FunctionKind.Aggregate or FunctionKind.Selector;

    /// <summary>Whether <paramref name="count"/> arguments are allowed.</summary>
    public bool Accepts(int count) => count >= MinArgs && count <= MaxArgs;
}
