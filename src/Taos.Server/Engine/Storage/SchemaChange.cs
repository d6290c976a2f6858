using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Storage;

/// <summary>
/// A super or normal table's new schema for <see cref="IStoreWriter.ChangeSchema"/>. <see cref="Columns"/> and
/// <see cref="Tags"/> are the old ones with, in place, renames and widened lengths; without the one at
/// <see cref="DroppedColumn"/> / <see cref="DroppedTag"/> (old index, -1 = none); and with new ones appended at the end.
/// </summary>
internal sealed record SchemaChange(IReadOnlyList<ColumnInfo> Columns, IReadOnlyList<ColumnInfo> Tags, int DroppedColumn = -1, int DroppedTag = -1);
