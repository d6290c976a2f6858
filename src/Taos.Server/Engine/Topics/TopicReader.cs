using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Reads a topic's messages out of the stored rows: the store's write log says which tables got which timestamps
/// at which sequence number; the rows are then read (as they are now) through the topic's query restricted to
/// one table and those timestamps.
/// </summary>
internal sealed class TopicReader(IStore store, TimeZoneInfo serverZone)
{
    /// <summary>About how many written rows one message covers (whole write transactions are never split).</summary>
    public const int MessageRows = 4096;

    /// <summary>
    /// The next message of vgroup <paramref name="vgroup"/> from <paramref name="offset"/> on (write sequence
    /// numbers of the topic's database, shared by its vgroups), or null when nothing was written since.
    /// </summary>
    public TopicMessage? Read(TopicInfo topic, int vgroup, long offset)
    {
        var entries = store.ReadWriteLog(topic.Database, offset);
        if (entries.Count == 0) return null;
        var database = store.FindDatabase(topic.Database);
        var vgroupOf = new Dictionary<string, bool>(StringComparer.Ordinal);
        var tables = new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        var order = new List<string>();
        long end = offset;
        int rows = 0;
        foreach (var entry in entries)
        {
            if (rows >= MessageRows && entry.Sequence >= end) break;
            end = entry.Sequence + 1;
            if (!vgroupOf.TryGetValue(entry.Table, out bool ours))
                vgroupOf[entry.Table] = ours = database is not null && Vgroups.Of(store, database, entry.Table) == vgroup;
            if (!ours) continue;
            if (!tables.TryGetValue(entry.Table, out var set))
            {
                tables[entry.Table] = set = [];
                order.Add(entry.Table);
            }
            set.UnionWith(entry.Timestamps);
            rows += entry.Timestamps.Count;
        }
        var definition = (CreateTopicStatement)SqlParser.Parse(topic.Sql);
        var blocks = new List<TopicBlock>();
        foreach (string table in order)
        {
            if (BlockOf(topic, definition, table, tables[table]) is { Rows.Count: > 0 } block) blocks.Add(block);
        }
        return new TopicMessage(topic, vgroup, offset, end, blocks);
    }

    private TopicBlock? BlockOf(TopicInfo topic, CreateTopicStatement definition, string table, SortedSet<long> timestamps)
    {
        var info = store.FindTable(topic.Database, table);
        if (info is null || !Covers(topic, info)) return null;
        var query = definition.Query ?? (SelectStatement)SqlParser.Parse("select * from `" + topic.Database + "`.`" + table + "`");
        var ts = new ColumnExpr(null, "ts") { Text = "ts" };
        var range = new BetweenExpr(ts, new LiteralExpr(LiteralKind.Integer, timestamps.Min), new LiteralExpr(LiteralKind.Integer, timestamps.Max), false);
        var filter = definition.Query?.Where ?? definition.Where;
        query = query with
        {
            From = new TableSource(new TableName(topic.Database, table), null),
            Where = filter is null ? range : new BinaryExpr(BinaryOp.And, filter, range),
            Items = [new SelectItem(ts, null, "ts"), .. query.Items],
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
