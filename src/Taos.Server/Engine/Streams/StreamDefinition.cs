using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Time;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// A stream's query as the runner re-runs it: the select list TDengine writes (a <c>_wstart</c> put first when a
/// window query does not start with it), followed by hidden columns — the window's <c>_wend</c>, the PARTITION BY
/// values and the SUBTABLE name — and restricted to a time range of the source's timestamp column.
/// </summary>
internal sealed class StreamDefinition
{
    private static ColumnExpr Pseudo(string name) => new(null, name) { Text = name };

    /// <summary>The stream <paramref name="statement"/> defines over <paramref name="source"/> (of a database of <paramref name="precision"/>).</summary>
    public StreamDefinition(CreateStreamStatement statement, TableInfo source, TaosPrecision precision, TimeZoneInfo zone)
    {
        Statement = statement;
        Source = source;
        Precision = precision;
        var query = statement.Query;
        Window = query.Window;
        if (Window is not null && !StartsWithWstart(query)) query = query with { Items = [new SelectItem(Pseudo("_wstart"), null, "_wstart"), .. query.Items] };
        Query = query;
        Interval = Window is IntervalWindow interval ? new WindowSpec(interval, precision, zone) : null;
    }

    /// <summary>Parses a stored stream's definition; null when its source table no longer exists.</summary>
    public static StreamDefinition? Load(StreamInfo stream, ICatalogReader catalog, TimeZoneInfo zone)
    {
        var source = catalog.FindTable(stream.SourceDatabase, stream.SourceTable);
        var database = catalog.FindDatabase(stream.SourceDatabase);
        if (source is null || database is null) return null;
        return new StreamDefinition((CreateStreamStatement)SqlParser.Parse(stream.Sql), source, database.Precision, zone);
    }

    /// <summary>The CREATE STREAM statement.</summary>
    public CreateStreamStatement Statement { get; }

    /// <summary>The table the stream reads.</summary>
    public TableInfo Source { get; }

    /// <summary>The source database's precision.</summary>
    public TaosPrecision Precision { get; }

    /// <summary>The query with the columns TDengine writes (a leading <c>_wstart</c> added to a window query without one).</summary>
    public SelectStatement Query { get; }

    /// <summary>The query's window clause, or null for a stream that only filters and projects rows.</summary>
    public WindowClause? Window { get; }

    /// <summary>The INTERVAL's windows, when the window is an INTERVAL.</summary>
    public WindowSpec? Interval { get; }

    /// <summary>How many of a result row's values are written (the rest are hidden).</summary>
    public int OutputCount => Query.Items.Count;

    /// <summary>Whether the result rows carry a hidden <c>_wend</c> right after the written values.</summary>
    public bool HasWindowEnd => Window is not null;

    /// <summary>The PARTITION BY expressions (a group's key, in this order, follows <c>_wend</c>).</summary>
    public IReadOnlyList<Expr> PartitionBy => Query.PartitionBy;

    /// <summary>Index of the first partition value in a result row.</summary>
    public int PartitionOffset => OutputCount + (HasWindowEnd ? 1 : 0);

    /// <summary>Index of the SUBTABLE name in a result row, or -1.</summary>
    public int SubtableIndex => Statement.Subtable is null ? -1 : PartitionOffset + PartitionBy.Count;

    /// <summary>The query with its hidden columns, restricted to <paramref name="from"/> ≤ ts ≤ <paramref name="to"/>.</summary>
    public SelectStatement Restricted(long from, long to)
    {
        var items = new List<SelectItem>(Query.Items);
        if (HasWindowEnd) items.Add(new SelectItem(Pseudo("_wend"), null, "_wend"));
        items.AddRange(PartitionBy.Select(p => new SelectItem(p, null, p.Text)));
        if (Statement.Subtable is { } subtable) items.Add(new SelectItem(subtable, null, subtable.Text));
        var ts = Pseudo(Source.Columns[0].Name);
        Expr range = new BetweenExpr(ts, new LiteralExpr(LiteralKind.Integer, from), new LiteralExpr(LiteralKind.Integer, to), false);
        return Query with { Items = items, Where = Query.Where is null ? range : new BinaryExpr(BinaryOp.And, Query.Where, range) };
    }

    private static bool StartsWithWstart(SelectStatement query) =>
        query.Items.Count > 0 && query.Items[0].Expr is ColumnExpr { Qualifier: null, Name: "_wstart" };
}
