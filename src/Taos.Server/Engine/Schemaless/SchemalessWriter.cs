using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Engine.Write;

namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// Schemaless ingest: parses a request in one of the three protocols, then in ONE write transaction (through the
/// <see cref="WriteExecutor"/>) creates or widens the super tables the points need, creates the child tables named
/// as TDengine names them and upserts the rows. A malformed line or a type conflict fails the whole request before
/// anything is written.
/// </summary>
internal sealed class SchemalessWriter(IStore store, WriteExecutor writer)
{
    private readonly SmlChildNames _names = new();

    /// <summary>
    /// taos.cfg's <c>smlChildTableName</c>: the tag whose value names a point's child table (and is not stored as a
    /// tag); null or empty for TDengine's derived names.
    /// </summary>
    public string? ChildTableTag { get; set; }

    /// <summary>
    /// Writes <paramref name="data"/> into <paramref name="database"/>; child tables it creates get the TTL
    /// <paramref name="ttl"/> (days, 0 = none). Returns the rows written.
    /// </summary>
    public int Insert(string database, string data, SmlProtocol protocol, SmlTimeUnit unit, int ttl = 0)
    {
        // taosAdapter selects the database before it hands the data over: a missing one is reported first.
        var db = store.FindDatabase(database) ?? throw CatalogResolver.DatabaseNotExist();
        var points = protocol switch
        {
            SmlProtocol.Line => InfluxLineParser.Parse(data, unit),
            SmlProtocol.Telnet => TelnetLineParser.Parse(data, unit),
            SmlProtocol.Json => OpenTsdbJsonParser.Parse(data, unit),
            _ => throw SmlErrors.Data(SmlErrors.InvalidProtocol, "Invalid line protocol type", null),
        };
        if (points.Count == 0) return 0;
        return writer.Execute(tx => Bind(tx, db, points, ttl));
    }

    private List<WriteBatch> Bind(IStoreWriter tx, DatabaseInfo db, List<SmlPoint> points, int ttl)
    {
        var batches = new Dictionary<string, (WriteBatch Batch, BatchRows Rows)>(StringComparer.Ordinal);
        var order = new List<(WriteBatch Batch, BatchRows Rows)>();
        // TDengine's smlDot2Underline (on by default): a '.' in a measurement becomes '_' in the super table's name.
        foreach (var measurement in points.GroupBy(p => p.Measurement.Replace('.', '_'), StringComparer.Ordinal))
        {
            var named = measurement.Select(p => Name(measurement.Key, p)).ToList();
            var super = EnsureSuperTable(tx, db, measurement.Key, named.Select(n => n.Point).ToList());
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int c = 0; c < super.Columns.Count; c++) columns.TryAdd(super.Columns[c].Name, c);
            var scratch = new int[super.Columns.Count + 1];
            foreach (var (name, point) in named)
            {
                if (!batches.TryGetValue(name, out var target))
                {
                    target = (Target(tx, db, super, name, point, ttl), new BatchRows());
                    batches[name] = target;
                    order.Add(target);
                }
                // A point may repeat a field (refused in Row): the scratch grows to the point's field count.
                if (scratch.Length <= point.Fields.Count) scratch = new int[point.Fields.Count + 1];
                var values = Row(db.Precision, super.Columns.Count, columns, point, scratch.AsSpan(0, point.Fields.Count + 1));
                target.Rows.Add(target.Batch, scratch.AsSpan(0, point.Fields.Count + 1), values);
            }
        }
        foreach (var (batch, rows) in order) rows.Flush(batch);
        return order.Select(t => t.Batch).ToList();
    }

    /// <summary>
    /// The point's child table name and the point as written (see <see cref="SmlChildName.Resolve"/>); a derived
    /// name of a line-protocol point comes from the names already derived for its series.
    /// </summary>
    private (string Name, SmlPoint Point) Name(string measurement, SmlPoint point) =>
        string.IsNullOrEmpty(ChildTableTag) && point.Series is not null
            ? (_names.Of(measurement, point), point)
            : SmlChildName.Resolve(measurement, point, ChildTableTag);

    /// <summary>The measurement's super table, created or altered (new columns and tags, wider strings) as the points need.</summary>
    private TableInfo EnsureSuperTable(IStoreWriter tx, DatabaseInfo db, string name, List<SmlPoint> points)
    {
        var fields = SmlSchema.Union(points.SelectMany(p => p.Fields));
        // Points of one series share their tag list: each list counts once.
        var tags = SmlSchema.Union(points.Select(p => p.Tags).Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyList<SmlKv>>().SelectMany(t => t));
        var entry = store.FindEntry(db.Name, name);
        if (entry is null) return tx.CreateTable(SmlSchema.Create(db.Name, name, fields, tags)).Info;
        if (entry.Info.Kind != TableKind.Super) throw SmlErrors.InvalidFormat();
        var change = SmlSchema.Change(entry.Info, fields, tags);
        return change is null ? entry.Info : tx.ChangeSchema(entry, change).Info;
    }

    /// <summary>The point's child table: the existing one, or one created (in this transaction) with the point's tags and the TTL.</summary>
    private WriteBatch Target(IStoreWriter tx, DatabaseInfo db, TableInfo super, string name, SmlPoint point, int ttl)
    {
        if (store.FindTable(db.Name, name) is { } existing)
        {
            if (existing.Kind != TableKind.Child || existing.SuperTable != super.Name) throw SmlErrors.InvalidFormat();
            return new WriteBatch(db, existing);
        }
        var tagValues = new object?[super.Tags.Count];
        foreach (var tag in point.Tags) tagValues[TagBinder.IndexOf(super.Tags, tag.Key)] = tag.Value;
        var created = tx.CreateTable(new TableInfo(db.Name, name, TableKind.Child, super.Name, super.Columns, super.Tags, tagValues));
        if (ttl > 0) created = tx.SetTableOptions(created, ttl, null);
        return new WriteBatch(db, created.Info);
    }

    /// <summary>A schema-wide row of the point's fields; <paramref name="columns"/> receives the columns it gives, sorted.</summary>
    private static object?[] Row(TaosPrecision precision, int width, Dictionary<string, int> indexes, SmlPoint point, Span<int> columns)
    {
        var values = new object?[width];
        values[0] = Ticks(point.Timestamp, precision);
        columns[0] = 0;
        for (int i = 0; i < point.Fields.Count; i++)
        {
            int index = indexes.GetValueOrDefault(point.Fields[i].Key, -1);
            if (index <= 0 || columns[1..(i + 1)].Contains(index))
                throw new TaosServerException(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
            columns[i + 1] = index;
            values[index] = point.Fields[i].Value;
        }
        columns.Sort();
        return values;
    }

    /// <summary>The point's time in the database's precision (integer conversion, as TDengine converts).</summary>
    private static long Ticks(SmlTimestamp ts, TaosPrecision precision)
    {
        if (ts.IsNow) return Clock.Now(precision);
        long tickNs = precision switch { TaosPrecision.Milliseconds => 1_000_000L, TaosPrecision.Microseconds => 1_000L, _ => 1L };
        long unitNs = SmlTimeUnits.Nanoseconds(ts.Unit);
        try
        {
            return unitNs >= tickNs ? checked(ts.Value * (unitNs / tickNs)) : ts.Value / (tickNs / unitNs);
        }
        catch (OverflowException)
        {
            throw new TaosServerException(ServerErrorCode.TimestampOutOfRange, "Timestamp data out of range");
        }
    }

    /// <summary>A batch's rows, consecutive rows that give the same columns handed over together.</summary>
    private sealed class BatchRows
    {
        private int[]? _columns;
        private List<object?[]> _rows = [];

        public void Add(WriteBatch batch, ReadOnlySpan<int> columns, object?[] values)
        {
            if (_columns is not null && !_columns.AsSpan().SequenceEqual(columns)) Flush(batch);
            _columns ??= columns.ToArray();
            _rows.Add(values);
        }

        public void Flush(WriteBatch batch)
        {
            if (_columns is null) return;
            batch.Add(_columns, _rows);
            _columns = null;
            _rows = [];
        }
    }
}
