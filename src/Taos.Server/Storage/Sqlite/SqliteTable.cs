using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// A table of the SQLite store: <see cref="Id"/> its own storage id (the <c>tid</c> of its rows),
/// <see cref="DataId"/> the id of the SQLite table holding its rows (a child's super table), <see cref="Order"/> its
/// place in creation order (the <c>seq</c> column of <c>catalog_table</c>).
/// </summary>
internal sealed class SqliteTable(TableInfo info, long id, long dataId, long order) : TableEntry(info)
{
    public long Id { get; } = id;

    public long DataId { get; } = dataId;

    public long Order { get; } = order;
}
