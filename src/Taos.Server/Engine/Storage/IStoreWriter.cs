using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;

namespace Taos.Server.Engine.Storage;

/// <summary>
/// The operations of one write transaction of an <see cref="IStore"/>. Each operation counts as a write to its
/// table's database: the commit gives every database it touched the next sequence number (see <see cref="Sequence"/>).
/// Checks of existence and of the SQL rules are the engine's; the writer only stores.
/// </summary>
internal partial interface IStoreWriter
{
    /// <summary>Creates a database (its name must be new).</summary>
    void CreateDatabase(DatabaseInfo info);

    /// <summary>Drops a database with all its tables and rows; nothing happens when it does not exist.</summary>
    void DropDatabase(string name);

    /// <summary>Creates a super, normal or child table (a child's <see cref="TableInfo.SuperTable"/> must exist).</summary>
    TableEntry CreateTable(TableInfo info);

    /// <summary>Drops a table with its rows; a super table takes its children along.</summary>
    void DropTable(TableEntry table);

    /// <summary>
    /// Writes rows into a child or normal table. <paramref name="columns"/> are schema indexes, starting with 0 (ts);
    /// each row is schema-wide and only those columns are written. An existing row with the same ts keeps the columns
    /// not listed.
    /// </summary>
    void UpsertRows(TableEntry table, IReadOnlyList<int> columns, IEnumerable<object?[]> rows);

    /// <summary>
    /// The sequence number this transaction's commit carries for <paramref name="database"/>: one more than
    /// <see cref="IStore.LastSequence"/>. Asking counts as a write to the database.
    /// </summary>
    long Sequence(string database);

    /// <summary>
    /// Deletes the rows of a child or normal table at the given timestamps; returns how many existed. Counts as a
    /// write to the table's database.
    /// </summary>
    int DeleteRows(TableEntry table, IReadOnlyList<long> timestamps);

    /// <summary>Creates a user or replaces the stored one of the same name (users belong to no database).</summary>
    void SaveUser(UserAccount user);

    /// <summary>Removes a user; nothing happens when there is none of that name.</summary>
    void DropUser(string name);

    /// <summary>Creates a tag index (its name must be new in its database). Dropping its super table or database drops it.</summary>
    void CreateIndex(TagIndexInfo index);

    /// <summary>Drops a tag index; nothing happens when there is none of that name.</summary>
    void DropIndex(string database, string name);

    /// <summary>Stores a new topic (its name must be new; topics belong to no database's write sequence).</summary>
    void SaveTopic(TopicInfo topic);

    /// <summary>Removes a topic; nothing happens when there is none of that name.</summary>
    void DropTopic(string name);

    /// <summary>Creates an SMA index (its name must be new in its database). Dropping its super table or database drops it.</summary>
    void CreateSmaIndex(SmaIndexInfo index);

    /// <summary>Drops an SMA index; nothing happens when there is none of that name.</summary>
    void DropSmaIndex(string database, string name);

    /// <summary>Creates a TSMA (its name must be new in its database). Dropping its table or database drops it.</summary>
    void CreateTsma(TsmaInfo tsma);

    /// <summary>Drops a TSMA; nothing happens when there is none of that name.</summary>
    void DropTsma(string database, string name);

    /// <summary>Creates a user-defined function or replaces the stored one of the same name (functions belong to no database).</summary>
    void SaveFunction(UserFunction function);

    /// <summary>Removes a user-defined function; nothing happens when there is none of that name.</summary>
    void DropFunction(string name);

    /// <summary>Commits a consumer group's offset on a topic's vgroup (durable with the transaction; no database is written).</summary>
    void CommitOffset(string group, string topic, int vgroup, long offset);

    /// <summary>Deletes every offset consumer group <paramref name="group"/> committed on <paramref name="topic"/>.</summary>
    void DropConsumerGroup(string group, string topic);
}
