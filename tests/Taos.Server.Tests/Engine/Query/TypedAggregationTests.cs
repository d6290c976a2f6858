using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>
/// Scan → aggregate over typed batches: the common aggregates, with and without INTERVAL, over many child
/// tables, allocate nothing per value (no boxing, no row list the size of the input).
/// </summary>
public class TypedAggregationTests
{
    private const long T0 = 1704067200000;

    /// <summary>A super table whose children produce their rows as typed batches straight away (no boxed values).</summary>
    private sealed class GeneratedMeters : ICatalogReader
    {
        private static readonly ColumnInfo[] Columns =
            [new("ts", TaosDataType.Timestamp, 8), new("current", TaosDataType.Float, 4), new("voltage", TaosDataType.Int, 4)];

        private readonly DatabaseInfo _db = new("gen", TaosPrecision.Milliseconds, new Dictionary<string, string>());
        private readonly TableInfo _super;
        private readonly List<TableInfo> _children = [];

        public GeneratedMeters(int tables, int rowsPerTable)
        {
            RowsPerTable = rowsPerTable;
            _super = new TableInfo("gen", "meters", TableKind.Super, null, Columns, [new("groupid", TaosDataType.Int, 4)], null);
            for (int i = 0; i < tables; i++) _children.Add(new TableInfo("gen", "d" + i, TableKind.Child, "meters", Columns, _super.Tags, [i % 10]));
        }

        public int RowsPerTable { get; }

        public static float Current(int table, int row) => (table * 7 + row) % 100 / 4f;

        public static int Voltage(int table, int row) => 200 + (table * 13 + row * 7) % 50;

        public DatabaseInfo? FindDatabase(string name) => name == "gen" ? _db : null;

        public TableInfo? FindTable(string database, string name) => name == "meters" ? _super : _children.FirstOrDefault(c => c.Name == name);

        public IReadOnlyList<DatabaseInfo> Databases() => [_db];

        public IReadOnlyList<TableInfo> Tables(string database) => [_super, .. _children];

        public IReadOnlyList<TableInfo> ChildTables(string database, string superTable) => _children;

        public IEnumerable<object?[]> Scan(TableInfo table, long minTs, long maxTs)
        {
            foreach (var batch in ScanBatches(table, minTs, maxTs, [0, 1, 2]))
            {
                for (int i = 0; i < batch.Count; i++) yield return [batch.Columns[0].GetValue(i), batch.Columns[1].GetValue(i), batch.Columns[2].GetValue(i)];
            }
        }

        public IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns)
        {
            int t = int.Parse(table.Name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var batch = new ColumnBatch(columns.Select(c => Columns[c].Type).ToArray());
            for (int start = 0; start < RowsPerTable; start += batch.Capacity)
            {
                batch.Count = Math.Min(batch.Capacity, RowsPerTable - start);
                for (int k = 0; k < columns.Count; k++)
                {
                    var vector = batch.Columns[k];
                    for (int i = 0; i < batch.Count; i++)
                    {
                        int row = start + i;
                        switch (columns[k])
                        {
                            case 0: vector.Longs[i] = T0 + row * 1000L; break;
                            case 1: vector.Doubles[i] = Current(t, row); break;
                            default: vector.Longs[i] = Voltage(t, row); break;
                        }
                    }
                }
                yield return batch;
            }
        }
    }

    private static (List<object?[]> Rows, double BytesPerRow) Run(GeneratedMeters catalog, string sql, int tables)
    {
        var select = (SelectStatement)SqlParser.Parse(sql);
        var executor = new QueryExecutor(catalog, TimeZoneInfo.Utc);
        executor.Execute(select, new SqlSession { Database = "gen" }).Rows.ToList(); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var rows = executor.Execute(select, new SqlSession { Database = "gen" }).Rows.ToList();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (rows, allocated / (double)(tables * catalog.RowsPerTable));
    }

    [Theory]
    [InlineData(40, 20_000)]
    [InlineData(300, 2_000)]
    public void Count_avg_max_over_many_tables_allocate_nothing_per_value(int tables, int rowsPerTable)
    {
        var catalog = new GeneratedMeters(tables, rowsPerTable);
        var (rows, perRow) = Run(catalog, "select count(*), avg(current), max(voltage) from meters", tables);
        var row = Assert.Single(rows);
        Assert.Equal((long)tables * rowsPerTable, row[0]);
        double sum = 0;
        for (int t = 0; t < tables; t++)
        {
            for (int r = 0; r < rowsPerTable; r++) sum += GeneratedMeters.Current(t, r);
        }
        Assert.Equal(sum / ((long)tables * rowsPerTable), (double)row[1]!, 9);
        Assert.Equal(249, row[2]);
        // Boxing the three values of a row alone would be 72 bytes per row.
        Assert.True(perRow < 16, $"{perRow:F1} bytes allocated per row");
    }

    [Theory]
    [InlineData(40, 20_000)]
    [InlineData(300, 2_000)]
    public void Interval_over_many_tables_aggregates_while_scanning(int tables, int rowsPerTable)
    {
        var catalog = new GeneratedMeters(tables, rowsPerTable);
        var (rows, perRow) = Run(catalog, "select _wstart, count(*), avg(current), max(voltage) from meters interval(1m)", tables);
        Assert.Equal((rowsPerTable + 59) / 60, rows.Count);
        Assert.Equal(T0, rows[0][0]);
        Assert.Equal(60L * tables, rows[0][1]);
        Assert.Equal((long)tables * rowsPerTable, rows.Sum(r => (long)r[1]!));
        Assert.True(perRow < 16, $"{perRow:F1} bytes allocated per row");
    }
}
