namespace Taos.Rest;

/// <summary>One entry of <c>column_meta</c>: <c>[name, TYPE_NAME, length]</c>.</summary>
internal sealed record TaosColumnMeta(string Name, string TypeName, TaosDataType Type, int Length);
