namespace Taos.Server.Engine.Operators;

/// <summary>One output row before ORDER BY/LIMIT: values, sort keys, and the partition it belongs to.</summary>
internal readonly record struct OutRow(object?[] Values, object?[]? Keys, int Group);
