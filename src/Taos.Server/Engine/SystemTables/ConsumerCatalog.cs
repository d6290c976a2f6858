using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Streams;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;
using Taos.Server.Engine.Views;

namespace Taos.Server.Engine.SystemTables;

/// <summary>
/// The store's catalog plus the live consumers, for the system tables that show them (perf_consumers,
/// ins_subscriptions); every read goes to the store.
/// </summary>
internal sealed class ConsumerCatalog(IStore store, SubscriptionRegistry registry) : ICatalogReader
{
    /// <summary>The store the catalog reads.</summary>
    public IStore Store => store;

    /// <summary>The live consumers.</summary>
    public SubscriptionRegistry Registry => registry;

    public DatabaseInfo? FindDatabase(string name) => store.FindDatabase(name);

    public TableInfo? FindTable(string database, string name) => store.FindTable(database, name);

    public IReadOnlyList<DatabaseInfo> Databases() => store.Databases();

    public IReadOnlyList<TableInfo> Tables(string database) => store.Tables(database);

    public IReadOnlyList<TableInfo> ChildTables(string database, string superTable) => store.ChildTables(database, superTable);

    public IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns) =>
        store.ScanBatches(table, minTs, maxTs, columns);

    public IEnumerable<(int Index, ColumnBatch Rows)> LastRows(
        IReadOnlyList<TableInfo> tables, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns) =>
        store.LastRows(tables, minTs, maxTs, columns, nonNullColumns);

    public IReadOnlyList<UserAccount> Users() => store.Users();

    public IReadOnlyList<TagIndexInfo> Indexes(string database) => store.Indexes(database);

    public IReadOnlyList<TopicInfo> Topics() => store.Topics();

    public IReadOnlyList<StreamInfo> Streams() => store.Streams();
    public IReadOnlyList<ViewInfo> Views() => store.Views();
    public IReadOnlyList<UserFunction> Functions() => store.Functions();

    public IReadOnlyList<SmaIndexInfo> SmaIndexes() => store.SmaIndexes();

    public IReadOnlyList<TsmaInfo> Tsmas() => store.Tsmas();
}
