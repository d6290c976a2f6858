using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Splits the write-log entries of one write transaction into what one vgroup of a topic delivers, as TDengine
/// 3.3.0.1's tq does: a WITH META or ONLY META topic gets each DDL of the vgroup as a message of its own (super table
/// DDL reaches every vgroup; child tables created or tables dropped together are one batch), in order; an AS STABLE
/// topic only the DDL of its super table and its children; rows come last, with the child tables their insert
/// created (WITH META). ONLY META gets neither rows nor deletes; the child tables an insert created come to it as a
/// create-table message.
/// </summary>
internal sealed class TopicUnits(IStore store, TopicInfo topic, CreateTopicStatement definition, int vgroup)
{
    private readonly DatabaseInfo? _database = store.FindDatabase(topic.Database);
    private readonly Dictionary<string, bool> _ours = new(StringComparer.Ordinal);

    private bool WithMeta => topic.Kind != TopicKind.Column && definition.Meta != TopicMeta.None;

    private bool OnlyMeta => WithMeta && definition.Meta == TopicMeta.OnlyMeta;

    /// <summary>The parts of one transaction's entries (all of one sequence number), in order.</summary>
    public List<TopicUnit> Split(IReadOnlyList<WriteLogEntry> transaction)
    {
        var data = OnlyMeta ? [] : transaction.Where(e => e.Meta is null && Ours(e.Table)).ToList();
        var written = data.Select(e => e.Table).ToHashSet(StringComparer.Ordinal);
        var units = new List<TopicUnit>();
        var autoCreated = new List<MetaEvent>();
        if (!WithMeta) return data.Count > 0 ? [new TopicUnit(null, data, [])] : units;
        foreach (var meta in transaction.Select(e => e.Meta).OfType<MetaEvent>().Where(Delivers))
        {
            if (meta.Kind == MetaKind.CreateTable && !meta.Normal && written.Contains(meta.Table))
            {
                autoCreated.Add(meta);
            }
            else if (units.Count > 0 && units[^1].Meta is { } last && Batches(last, meta))
            {
                units[^1] = units[^1] with { Meta = last with { Events = [.. last.Events, meta] } };
            }
            else
            {
                units.Add(new TopicUnit(new MetaBatch(meta.Kind, [meta]), [], []));
            }
        }
        if (data.Count > 0) units.Add(new TopicUnit(null, data, autoCreated));
        return units;
    }

    /// <summary>Whether the vgroup of the topic delivers <paramref name="meta"/>.</summary>
    private bool Delivers(MetaEvent meta)
    {
        if (OnlyMeta && meta.Kind == MetaKind.Delete) return false;
        bool super = meta.Kind is MetaKind.CreateStable or MetaKind.AlterStable or MetaKind.DropStable;
        if (!super && !Ours(meta.Table)) return false;
        return topic.Kind == TopicKind.Database || (meta.SuperTable == topic.Source && (super || !meta.Normal));
    }

    /// <summary>Whether TDengine sends <paramref name="next"/> to the vgroup in one request with <paramref name="batch"/>.</summary>
    private static bool Batches(MetaBatch batch, MetaEvent next) =>
        next.Kind == batch.Kind && (next.Kind == MetaKind.DropTable || (next.Kind == MetaKind.CreateTable && !next.Normal && !batch.First.Normal));

    private bool Ours(string table)
    {
        if (!_ours.TryGetValue(table, out bool ours))
            _ours[table] = ours = _database is not null && Vgroups.Of(store, _database, table) == vgroup;
        return ours;
    }
}
