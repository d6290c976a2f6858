namespace Taos.Server.Engine.Operators.Windows;

/// <summary>One window's output values before FILL: sort keys, whether it had no rows, and its start.</summary>
internal sealed record WindowRow(object?[] Values, object?[]? Keys, bool Empty, long Start);
