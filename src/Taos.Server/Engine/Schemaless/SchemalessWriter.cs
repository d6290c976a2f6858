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
    /// Writes the UTF-8 <paramref name="data"/> into <paramref name="database"/>; child tables it creates get the TTL
    /// <paramref name="ttl"/> (days, 0 = none). Returns the rows written.
    /// </summary>
    public int Insert(string database, ReadOnlyMemory<byte> data, SmlProtocol protocol, SmlTimeUnit unit, int ttl = 0)
    {
        // taosAdapter selects the database before it hands the data over: a missing one is reported first.
        var db = store.FindDatabase(database) ?? throw CatalogResolver.DatabaseNotExist();
        var points = protocol switch
        {
            SmlProtocol.Line => InfluxLineParser.Parse(data.Span, unit),
            SmlProtocol.Telnet => TelnetLineParser.Parse(data.Span, unit),
            SmlProtocol.Json => OpenTsdbJsonParser.Parse(data, unit),
            _ => throw SmlErrors.Data(SmlErrors.InvalidProtocol, "Invalid line protocol type", null),
        };
        if (points.Count == 0) return 0;
        return writer.Execute(tx => Bind(tx, db, points, ttl));
    }

    private List<WriteBatch> Bind(IStoreWriter tx, DatabaseInfo db, List<SmlPoint> points, int ttl)
    {
        var batches = new Dictionary<string, BatchRows>(StringComparer.Ordinal);
        var order = new List<BatchRows>();
        foreach (var (measurement, group) in Measurements(points))
        {
            var named = new SmlNamedPoints(measurement, group, _names, ChildTableTag);
            var super = EnsureSuperTable(tx, db, measurement, named.Points);
            var layout = new SmlRowLayout(super);
            string? lastName = null;
            BatchRows? rows = null;
            for (int i = 0; i < named.Points.Count; i++)
            {
                var point = named.Points[i];
                string name = named.NameOf(i);
                if (rows is null || !ReferenceEquals(name, lastName))
                {
                    if (!batches.TryGetValue(name, out rows))
                    {
                        rows = new BatchRows(Target(tx, db, super, name, point, ttl));
                        batches[name] = rows;
                        order.Add(rows);
                    }
                    lastName = name;
                }
                rows.Add(layout.Row(point, Ticks(point.Timestamp, db.Precision), out int[] columns), columns);
            }
        }
        foreach (var rows in order) rows.Flush();
        return order.Select(r => r.Batch).ToList();
    }

    /// <summary>
    /// The points by super table name, in first-seen order (TDengine's smlDot2Underline, on by default: a '.' in a
    /// measurement becomes '_'); the usual request of one measurement is its point list as it is.
    /// </summary>
    private static IEnumerable<(string Name, IReadOnlyList<SmlPoint> Points)> Measurements(List<SmlPoint> points)
    {
        string first = points[0].Measurement;
        if (points.TrueForAll(p => ReferenceEquals(p.Measurement, first) || p.Measurement == first))
        {
            return [(first.Replace('.', '_'), points)];
        }
        return points.GroupBy(p => p.Measurement.Replace('.', '_'), StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<SmlPoint>)g.ToList()));
    }

    /// <summary>The measurement's super table, created or altered (new columns and tags, wider strings) as the points need.</summary>
    private TableInfo EnsureSuperTable(IStoreWriter tx, DatabaseInfo db, string name, IReadOnlyList<SmlPoint> points)
    {
        var fields = SmlSchema.Union(points.Select(p => p.Fields));
        // Points of one series share their tag list: each list counts once.
        var tags = SmlSchema.Union(points.Select(p => p.Tags).Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyList<SmlKv>>());
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
    private sealed class BatchRows(WriteBatch batch)
    {
        private int[]? _columns;
        private List<object?[]> _rows = [];

        /// <summary>The batch the rows go to.</summary>
        public WriteBatch Batch { get; } = batch;

        /// <summary>Adds a row giving <paramref name="columns"/> (an array that is never changed afterwards).</summary>
        public void Add(object?[] values, int[] columns)
        {
            if (_columns is not null && !ReferenceEquals(_columns, columns) && !_columns.AsSpan().SequenceEqual(columns)) Flush();
            _columns ??= columns;
            _rows.Add(values);
        }

        /// <summary>Hands the rows added since the last flush to the batch.</summary>
        public void Flush()
        {
            if (_columns is null) return;
            Batch.Add(_columns, _rows);
            _columns = null;
            _rows = [];
        }
    }
}
