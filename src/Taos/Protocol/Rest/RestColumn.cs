namespace Taos.Protocol.Rest;

/// <summary>One entry of <c>column_meta</c>: <c>[name, TYPE_NAME, length]</c>, with the type name read as a <see cref="TaosDataType"/>.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="TypeName">The type name as the server wrote it (e.g. <c>BINARY</c> stays <c>BINARY</c>).</param>
/// <param name="Type">The type; <see cref="TaosDataType.VarChar"/> for a name this client does not know.</param>
/// <param name="Length">The byte size of fixed types, the declared length of variable-length ones.</param>
internal sealed record RestColumn(string Name, string TypeName, TaosDataType Type, int Length);
