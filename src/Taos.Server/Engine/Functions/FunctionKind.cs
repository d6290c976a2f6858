namespace Taos.Server.Engine.Functions;

/// <summary>What a function call does to the rows it is evaluated over.</summary>
internal enum FunctionKind
{
    /// <summary>One value per row (or a constant when it reads no row).</summary>
    Scalar,

    /// <summary>One value per group or window.</summary>
    Aggregate,

    /// <summary>An aggregate whose value comes from one row, so plain columns may show that row.</summary>
    Selector,

    /// <summary>A time-series function turning a group's rows into its own number of rows (DIFF, TOP, …).</summary>
    MultiRow,
}
