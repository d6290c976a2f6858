using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The operations of one write transaction of the <see cref="SqliteStore"/>.</summary>
internal sealed partial class SqliteWriter(SqliteTransaction transaction, CatalogTables catalog, RowWriter rowWriter, WriteSequences sequences, UserTables users, IndexTables indexes, TopicTables topics, ViewTables views, FunctionTables functions, SmaIndexTables smas, TsmaTables tsmas) : IStoreWriter
{
    private readonly Dictionary<string, long> _taken = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Database, string Table), List<long>> _written = [];
    private readonly Dictionary<(string Group, string Topic, int Vgroup), long> _offsets = [];
    private readonly HashSet<(string Group, string Topic)> _droppedGroups = [];

    /// <summary>Whether the catalog changed (its mirror must be reloaded after a rollback).</summary>
    public bool CatalogChanged { get; private set; }

    /// <summary>Whether the users changed (their mirror must be reloaded after a rollback).</summary>
    public bool UsersChanged { get; private set; }

    /// <summary>Whether the tag indexes changed (their mirror must be reloaded after a rollback).</summary>
    public bool IndexesChanged { get; private set; }
    /// <summary>Whether the topics changed (their mirror must be reloaded after a rollback).</summary>
    public bool TopicsChanged { get; private set; }

    /// <summary>Whether the user-defined functions changed (their mirror must be reloaded after a rollback).</summary>
    public bool FunctionsChanged { get; private set; }

    /// <summary>Whether the SMA indexes or TSMAs changed (their mirrors must be reloaded after a rollback).</summary>
    public bool SmaIndexesChanged { get; private set; }

    /// <summary>The sequence number this transaction takes per database it wrote to.</summary>
    public IReadOnlyDictionary<string, long> Taken => _taken;

    /// <summary>The timestamps this transaction wrote per (database, table), for the <see cref="WriteLog"/>.</summary>
    public IReadOnlyDictionary<(string Database, string Table), List<long>> Written => _written;

    /// <summary>The (group, topic) pairs whose offsets this transaction deletes.</summary>
    public IReadOnlyCollection<(string Group, string Topic)> DroppedGroups => _droppedGroups;

    /// <summary>The consumer offsets this transaction commits.</summary>
    public IReadOnlyDictionary<(string Group, string Topic, int Vgroup), long> Offsets => _offsets;

    public long Sequence(string database)
    {
        if (!_taken.TryGetValue(database, out long seq))
        {
            seq = sequences.Last(database) + 1;
            _taken[database] = seq;
        }
        return seq;
    }

    public void CreateDatabase(DatabaseInfo info)
    {
        CatalogChanged = true;
        Sequence(info.Name);
        catalog.AddDatabase(transaction, info);
    }

    public void DropDatabase(string name)
    {
        CatalogChanged = true;
        if (catalog.FindDatabase(name) is null) return;
        Sequence(name);
        foreach (var table in catalog.DataOwners(name))
            Exec(TableLayout.DropStatements(table.Id, table.Info.Columns.Count));
        catalog.RemoveDatabase(transaction, name);
        RemoveIndexes(name, _ => true);
        ViewsChanged = true;
        views.Remove(transaction, name, null);
        RemoveSmaIndexes(s => s.Database == name);
        RemoveTsmas(t => t.Database == name);
        rowWriter.Clear();
    }

    public TableEntry CreateTable(TableInfo info)
    {
        CatalogChanged = true;
        Sequence(info.Database);
        var table = catalog.AddTable(transaction, info);
        if (info.Kind != TableKind.Child) Exec(TableLayout.CreateStatements(table.Id, info.Columns));
        LogMeta(MetaEvents.Created(info));
        return table;
    }

    public void DropTable(TableEntry table)
    {
        CatalogChanged = true;
        var stored = (SqliteTable)table;
        Sequence(table.Info.Database);
        if (table.Info.Kind == TableKind.Child)
        {
            for (int part = 0; part < TableLayout.PartCount(table.Info.Columns.Count); part++)
            {
                using var command = RawSqlite.Command(transaction, "DELETE FROM " + TableLayout.PartTableName(stored.DataId, part) + " WHERE tid = $tid");
                command.Parameters.AddWithValue("$tid", stored.Id);
                command.ExecuteNonQuery();
            }
        }
        else
        {
            Exec(TableLayout.DropStatements(stored.Id, table.Info.Columns.Count));
            rowWriter.Clear();
        }
        catalog.RemoveTable(transaction, stored);
        LogMeta(MetaEvents.Dropped(table.Info));
        if (table.Info.Kind == TableKind.Super) RemoveIndexes(table.Info.Database, i => i.Stable == table.Info.Name);
        if (table.Info.Kind == TableKind.Super) RemoveSmaIndexes(s => s.Database == table.Info.Database && s.Stable == table.Info.Name);
        if (table.Info.Kind != TableKind.Child) RemoveTsmas(t => t.Database == table.Info.Database && t.Table == table.Info.Name);
    }

    public void UpsertRows(TableEntry table, IReadOnlyList<int> columns, IEnumerable<object?[]> rows)
    {
        Sequence(table.Info.Database);
        var key = (table.Info.Database, table.Info.Name);
        if (!_written.TryGetValue(key, out var timestamps)) _written[key] = timestamps = [];
        var list = rows as IReadOnlyList<object?[]> ?? rows.ToList();
        timestamps.EnsureCapacity(timestamps.Count + list.Count);
        for (int r = 0; r < list.Count; r++) timestamps.Add((long)list[r][0]!);
        rowWriter.Upsert((SqliteTable)table, columns, list);
    }

    public int DeleteRows(TableEntry table, IReadOnlyList<long> timestamps)
    {
        Sequence(table.Info.Database);
        LogMeta(MetaEvents.Deleted(table.Info, timestamps));
        return RowDeleter.Delete(transaction, (SqliteTable)table, timestamps);
    }

    public void SaveUser(UserAccount user)
    {
        UsersChanged = true;
        users.Save(transaction, user);
    }

    public void DropUser(string name)
    {
        UsersChanged = true;
        users.Remove(transaction, name);
    }

    public void CreateIndex(TagIndexInfo index)
    {
        IndexesChanged = true;
        indexes.Add(transaction, index);
    }

    public void DropIndex(string database, string name) => RemoveIndexes(database, i => i.Name == name);

    private void RemoveIndexes(string database, Func<TagIndexInfo, bool> match)
    {
        IndexesChanged = true;
        indexes.Remove(transaction, database, match);
    }

    public void SaveTopic(TopicInfo topic)
    {
        TopicsChanged = true;
        topics.Save(transaction, topic);
    }

    public void DropTopic(string name)
    {
        TopicsChanged = true;
        topics.Remove(transaction, name);
    }

    public void CreateSmaIndex(SmaIndexInfo index)
    {
        SmaIndexesChanged = true;
        smas.Add(transaction, index);
    }

    public void DropSmaIndex(string database, string name) => RemoveSmaIndexes(s => s.Database == database && s.Name == name);

    private void RemoveSmaIndexes(Func<SmaIndexInfo, bool> match)
    {
        SmaIndexesChanged = true;
        smas.Remove(transaction, match);
    }

    public void CreateTsma(TsmaInfo tsma)
    {
        SmaIndexesChanged = true;
        tsmas.Add(transaction, tsma);
    }

    public void DropTsma(string database, string name) => RemoveTsmas(t => t.Database == database && t.Name == name);

    private void RemoveTsmas(Func<TsmaInfo, bool> match)
    {
        SmaIndexesChanged = true;
        tsmas.Remove(transaction, match);
    }

    public void SaveFunction(UserFunction function)
    {
        FunctionsChanged = true;
        functions.Save(transaction, function);
    }

    public void DropFunction(string name)
    {
        FunctionsChanged = true;
        functions.Remove(transaction, name);
    }

    public void CommitOffset(string group, string topic, int vgroup, long offset) => _offsets[(group, topic, vgroup)] = offset;

    public void DropConsumerGroup(string group, string topic)
    {
        foreach (var key in _offsets.Keys.Where(k => k.Group == group && k.Topic == topic).ToList()) _offsets.Remove(key);
        _droppedGroups.Add((group, topic));
    }

    private void Exec(IEnumerable<string> statements)
    {
        foreach (string sql in statements) RawSqlite.Exec(transaction.Connection!, sql, transaction);
    }
}
