namespace Taos.Transport;

/// <summary>One parameter of a <see cref="TaosRequest"/>, detached from the command it came from.</summary>
/// <param name="Name">The name as the application gave it (with or without <c>@</c>, <c>:</c>, <c>$</c>); empty for a positional one.</param>
/// <param name="Value">The value; null or <see cref="DBNull"/> for NULL.</param>
internal readonly record struct TaosRequestParameter(string Name, object? Value);
