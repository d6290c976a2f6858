using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Users;

namespace Taos.Server.Engine.Storage;

/// <summary>
/// The durable catalog and row store as the engine uses it: the reads of <see cref="ICatalogReader"/> plus
/// serialized, durable write transactions. The engine owns this contract; an implementation lives outside the
/// engine and is chosen by the composition root.
/// </summary>
internal interface IStore : ICatalogReader, IStoreMaintenance, IDisposable
{
    /// <summary>The store's entry for a super, child or normal table (to hand to <see cref="IStoreWriter"/>), or null.</summary>
    TableEntry? FindEntry(string database, string name);

    /// <summary>
    /// The sequence number of the last committed write to <paramref name="database"/> (0 when none ever was).
    /// Numbers grow by one per committed write transaction that touched the database, survive restarts and are
    /// never handed out again once committed, also not after the database is dropped and created anew.
    /// </summary>
    long LastSequence(string database);

    /// <summary>
    /// What the committed write transactions of <paramref name="database"/> with a sequence number of at least
    /// <paramref name="fromSequence"/> wrote, per table, in sequence order (what topic consumers read).
    /// </summary>
    IReadOnlyList<WriteLogEntry> ReadWriteLog(string database, long fromSequence);

    /// <summary>The offset consumer group <paramref name="group"/> last committed on vgroup <paramref name="vgroup"/> of <paramref name="topic"/>, or null.</summary>
    long? CommittedOffset(string group, string topic, int vgroup);

    /// <summary>Every (consumer group, topic) with a committed offset, ordered by topic and group.</summary>
    IReadOnlyList<(string Group, string Topic)> ConsumerGroups();

    /// <summary>The user of that exact name (names are case-sensitive), or null.</summary>
    UserAccount? FindUser(string name);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction, serialized with every other write; returns once the commit is
    /// durable. When <paramref name="work"/> throws, everything it did is rolled back (catalog included, which is
    /// reloaded) and no sequence number is consumed.
    /// </summary>
    T Write<T>(Func<IStoreWriter, T> work);
}
