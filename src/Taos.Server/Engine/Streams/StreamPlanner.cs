using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Functions;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// The translate-time checks of CREATE STREAM (parTranslater.c's order and codes: the query first, then the target)
/// and the target super table TDengine creates for it: the query's columns (a leading <c>_wstart</c> for a window
/// query) named as the query names them, and the declared TAGS or a <c>group_id</c> BIGINT UNSIGNED tag; an
/// existing super table must take the query's columns (9791 on a count mismatch, 9797 on a type mismatch).
/// </summary>
internal sealed class StreamPlanner(IStore store, TimeZoneInfo zone)
{
    /// <summary>Checks <paramref name="s"/> and returns what to store; <see cref="TaosServerException"/> with TDengine's code otherwise.</summary>
    public StreamPlan Plan(CreateStreamStatement s, SqlSession session)
    {
        if (s.Query.From is not TableSource from) throw StreamErrors.InvalidQuery();
        var sourceDb = CatalogResolver.RequireDatabase(store, from.Name.Database, session);
        var source = store.FindTable(sourceDb.Name, from.Name.Name) ?? throw CatalogResolver.TableNotExist();
        CheckQuery(s, source);
        var definition = new StreamDefinition(s, source, sourceDb.Precision, zone);
        var columns = Describe(definition, sourceDb.Name, session);
        if (columns[0].Type != TaosDataType.Timestamp) throw StreamErrors.InvalidQuery();
        if (definition.SubtableIndex >= 0 && columns[definition.SubtableIndex].Type is not (TaosDataType.VarChar or TaosDataType.NChar))
            throw StreamErrors.InvalidQuery("SUBTABLE expression must be of VARCHAR type");
        var targetDb = CatalogResolver.RequireDatabase(store, s.Target.Database, session);
        var existing = store.FindTable(targetDb.Name, s.Target.Name);
        TableInfo? created = null;
        if (existing is null) created = NewTarget(s, definition, columns, targetDb.Name);
        else CheckTarget(definition, columns, existing);
        StreamGroups.TagSources(existing ?? created!, definition.PartitionBy);
        var o = s.Options;
        var stream = new StreamInfo(s.Name, sourceDb.Name, source.Name, targetDb.Name, s.Target.Name, s.Sql.Trim().TrimEnd(';').TrimEnd(), 0,
            o.Trigger ?? (s.Query.Window is null ? StreamTrigger.AtOnce : StreamTrigger.WindowClose), Ms(o.MaxDelay), Ms(o.Watermark), o.IgnoreExpired ?? true, o.IgnoreUpdate ?? true,
            o.FillHistory ?? false, Ms(o.DeleteMark));
        return new StreamPlan(stream, created);
    }

    private static long Ms(Duration? duration) => duration is null ? 0 : Durations.Ticks(duration, TaosPrecision.Milliseconds);

    /// <summary>The query shapes TDengine's streams refuse (9797).</summary>
    private static void CheckQuery(CreateStreamStatement s, TableInfo source)
    {
        var q = s.Query;
        if (q.OrderBy.Count > 0 || q.Limit is not null || q.SLimit is not null || q.GroupBy.Count > 0 || q.Distinct || q.TagsMode
            || q.Range is not null || q.Every is not null || q.Fill is not null || q.Window is IntervalWindow { Fill: not null })
            throw StreamErrors.InvalidQuery();
        if (q.Window is null)
        {
            if (q.Items.Any(i => FunctionCatalog.CallsAggregateOrMultiRow(i.Expr))) throw StreamErrors.InvalidQuery();
            if (source.Kind == TableKind.Super && !q.PartitionBy.Any(p => p is ColumnExpr { Name: "tbname" })) throw StreamErrors.InvalidQuery();
            if (s.Options.Trigger is StreamTrigger.WindowClose or StreamTrigger.MaxDelay)
                throw StreamErrors.InvalidQuery("The trigger mode of non window query can only be AT_ONCE");
        }
        if (s.Subtable is not null && q.PartitionBy.Count == 0) throw StreamErrors.InvalidQuery();
    }

    /// <summary>The result columns of the stream's query (written ones, then hidden ones), by running it over no time at all.</summary>
    private List<ResultColumn> Describe(StreamDefinition definition, string database, SqlSession session)
    {
        var result = new QueryExecutor(store, zone).Execute(definition.Restricted(1, 0), new SqlSession { Database = database, User = session.User });
        (result.Rows as IDisposable)?.Dispose();
        return [.. result.Columns];
    }

    /// <summary>The super table TDengine creates: the query's columns (or the stream's column list's names) and the tags.</summary>
    private static TableInfo NewTarget(CreateStreamStatement s, StreamDefinition definition, List<ResultColumn> columns, string database)
    {
        var written = columns.Take(definition.OutputCount).ToList();
        if (s.Columns.Count > 0 && s.Columns.Count != written.Count) throw StreamErrors.ColumnsMismatch();
        var infos = written.Select((c, i) => new ColumnInfo(s.Columns.Count > 0 ? s.Columns[i] : c.Name, c.Type, c.Length)).ToList();
        if (infos.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != infos.Count)
            throw new TaosServerException(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
        var tags = s.Tags.Count > 0 ? Ddl.Schema.Check([new("ts", new TypeSpec(TaosDataType.Timestamp, 8)), new("v", new TypeSpec(TaosDataType.Int, 4))], s.Tags, isSuper: true).Tags
            : [StreamGroups.GroupIdTag];
        return new TableInfo(database, s.Target.Name, TableKind.Super, null, infos, tags, null);
    }

    /// <summary>An existing target must be a super table taking the query's columns in number and type.</summary>
    private static void CheckTarget(StreamDefinition definition, List<ResultColumn> columns, TableInfo existing)
    {
        if (existing.Kind != TableKind.Super) throw StreamErrors.InvalidQuery();
        var names = definition.Statement.Columns;
        if (names.Count == 0 && existing.Columns.Count != definition.OutputCount) throw StreamErrors.ColumnsMismatch();
        if (names.Count > 0 && names.Count != definition.OutputCount) throw StreamErrors.ColumnsMismatch();
        var indexes = StreamWriter.ColumnIndexes(definition, existing);
        for (int i = 0; i < indexes.Length; i++)
        {
            if (indexes[i] < 0) throw StreamErrors.InvalidColumn(names[i]);
            if (existing.Columns[indexes[i]].Type != columns[i].Type) throw StreamErrors.InvalidQuery();
        }
    }
}
