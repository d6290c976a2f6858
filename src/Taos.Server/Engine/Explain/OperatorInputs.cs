using System.Reflection;
using Taos.Server.Engine.Operators;

namespace Taos.Server.Engine.Explain;

/// <summary>
/// The inputs of an operator of the engine: the operators (and other parts, such as a window's segmenter) it was
/// built over. Operators keep their inputs as private state; EXPLAIN reads them from the instance rather than asking
/// every operator to describe itself, so that the plan renderer stays one room beside the planner.
/// </summary>
internal static class OperatorInputs
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    /// <summary>The row or batch operators <paramref name="op"/> reads, in declaration order (left before right).</summary>
    public static IReadOnlyList<object> Of(object op) =>
        op.GetType().GetFields(InstanceFields)
            .Where(f => typeof(RowOperator).IsAssignableFrom(f.FieldType) || typeof(BatchOperator).IsAssignableFrom(f.FieldType))
            .OrderBy(f => f.MetadataToken)
            .Select(f => f.GetValue(op))
            .OfType<object>()
            .ToList();

    /// <summary>The part of type <typeparamref name="T"/> <paramref name="op"/> was built with, or null.</summary>
    public static T? Part<T>(object op) where T : class =>
        op.GetType().GetFields(InstanceFields).Where(f => typeof(T).IsAssignableFrom(f.FieldType)).Select(f => f.GetValue(op)).OfType<T>().FirstOrDefault();
}
