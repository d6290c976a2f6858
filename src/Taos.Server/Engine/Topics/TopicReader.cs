using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Reads a topic's messages out of the stored rows: the store's write log says which tables got which timestamps
/// at which sequence number; the rows are then read (as they are now) through the topic's query restricted to
/// one table and those timestamps. The log's DDL entries become table-meta messages of WITH META topics (see
/// <see cref="TopicUnits"/>).
/// </summary>
internal sealed class TopicReader(IStore store, TimeZoneInfo serverZone)
{
    /// <summary>About how many written rows one message covers (whole write transactions are never split).</summary>
    public const int MessageRows = 4096;

    /// <summary>
    /// The next message of vgroup <paramref name="vgroup"/> from <paramref name="offset"/> on (write sequence
    /// numbers of the topic's database, shared by its vgroups), starting at part <paramref name="part"/> of the
    /// transaction at <paramref name="offset"/>, or null when nothing was written since.
    /// </summary>
    public TopicMessage? Read(TopicInfo topic, int vgroup, long offset, int part = 0)
    {
        var entries = store.ReadWriteLog(topic.Database, offset);
        if (entries.Count == 0) return null;
        var definition = (CreateTopicStatement)SqlParser.Parse(topic.Sql);
        var units = new TopicUnits(store, topic, definition, vgroup);
        var data = new List<WriteLogEntry>();
        long end = offset;
        int rows = 0;
        foreach (var transaction in entries.GroupBy(e => e.Sequence))
        {
            if (rows >= MessageRows) break;
            var parts = units.Split(transaction.ToList());
            for (int i = transaction.Key == offset ? part : 0; i < parts.Count; i++)
            {
                var unit = parts[i];
                if (!unit.Alone)
                {
                    data.AddRange(unit.Data);
                    rows += unit.Data.Sum(e => e.Timestamps.Count);
                    continue;
                }
                if (data.Count > 0) return Data(topic, definition, vgroup, offset, data) with { End = transaction.Key, EndPart = i };
                bool last = i == parts.Count - 1;
                var message = unit.Meta is not null
                    ? new TopicMessage(topic, vgroup, transaction.Key, 0, []) { Meta = unit.Meta }
                    : Data(topic, definition, vgroup, transaction.Key, unit.Data) with { AutoCreated = unit.AutoCreated };
                return message with { Offset = transaction.Key, End = last ? transaction.Key + 1 : transaction.Key, EndPart = last ? 0 : i + 1 };
            }
            end = transaction.Key + 1;
        }
        return Data(topic, definition, vgroup, offset, data) with { End = end };
    }

    private TopicMessage Data(TopicInfo topic, CreateTopicStatement definition, int vgroup, long offset, IReadOnlyList<WriteLogEntry> data)
    {
        var tables = new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in data)
        {
            if (!tables.TryGetValue(entry.Table, out var set))
            {
                tables[entry.Table] = set = [];
                order.Add(entry.Table);
            }
            set.UnionWith(entry.Timestamps);
        }
        var blocks = new List<TopicBlock>();
        foreach (string table in order)
        {
            if (BlockOf(topic, definition, table, tables[table]) is { Rows.Count: > 0 } block) blocks.Add(block);
        }
        return new TopicMessage(topic, vgroup, offset, offset, blocks);
    }

    private TopicBlock? BlockOf(TopicInfo topic, CreateTopicStatement definition, string table, SortedSet<long> timestamps)
    {
        var info = store.FindTable(topic.Database, table);
        if (info is null || !Covers(topic, info)) return null;
        var query = definition.Query ?? (SelectStatement)SqlParser.Parse("select * from `" + topic.Database + "`.`" + table + "`");
        string tsName = info.Columns[0].Name;
        var ts = new ColumnExpr(null, tsName) { Text = tsName };
        var range = new BetweenExpr(ts, new LiteralExpr(LiteralKind.Integer, timestamps.Min), new LiteralExpr(LiteralKind.Integer, timestamps.Max), false);
        var filter = definition.Query?.Where ?? definition.Where;
        query = query with
        {
            From = new TableSource(new TableName(topic.Database, table), null),
            Where = filter is null ? range : new BinaryExpr(BinaryOp.And, filter, range),
            Items = [new SelectItem(ts, null, tsName), .. query.Items],
        };
        var result = new QueryExecutor(store, serverZone).Execute(query, new SqlSession { Database = topic.Database });
        var rows = new List<object?[]>();
        using (var enumerator = result.Rows.GetEnumerator())
        {
            while (enumerator.MoveNext())
            {
                var row = enumerator.Current;
                if (row[0] is long t && timestamps.Contains(t)) rows.Add(row[1..]);
            }
        }
        (result.Rows as IDisposable)?.Dispose();
        return new TopicBlock(table, result.Columns.Skip(1).ToList(), rows, result.Precision);
    }

    /// <summary>Whether the topic reads <paramref name="table"/>: its own table or a child of its super table, or any table of its database.</summary>
    private static bool Covers(TopicInfo topic, TableInfo table) => table.Kind != TableKind.Super && topic.Kind switch
    {
        TopicKind.Database => true,
        TopicKind.Stable => table.SuperTable == topic.Source,
        _ => table.Name == topic.Source || table.SuperTable == topic.Source,
    };
}
