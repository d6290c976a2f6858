using System.Globalization;
using System.Text;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// <c>SHOW TABLE DISTRIBUTED [db.]t</c>: the 25 text lines of TDengine 3.3.0.1's <c>_block_dist()</c>
/// (builtinsimpl.c blockDistFinalize) in one VARCHAR column <c>_block_dist</c> (the function's 128 bytes less the
/// 2-byte length header). This store keeps no TDengine blocks, so the figures are computed from what it has: each
/// table's rows cut into blocks of the database's MAXROWS rows (the last one shorter), the bytes its values take as
/// stored (fixed-size values at their size, variable-length ones at their length plus TDengine's 2-byte header) as
/// the blocks' size, nothing in memory nor in stt files, and per vgroup holding the tables one file set plus the
/// reader's own count of one (tsdbRead2.c tsdbGetFileBlocksDistInfo2 adds 1 per vgroup).
/// </summary>
internal sealed class TableDistribution(ICatalogReader catalog, Func<SelectStatement, SqlSession, StatementResult> query)
{
    /// <summary>0x264F TSDB_CODE_PAR_NOT_ALLOWED_FUNC: _block_dist on a system table or a view.</summary>
    private const int NotAllowedFunction = 0x264F;

    /// <summary>The histogram's buckets (tsdbRead2.c numOfBuckets).</summary>
    private const int Buckets = 20;

    /// <summary>VARSTR_HEADER_SIZE.</summary>
    private const int LengthHeader = 2;

    /// <summary>The one column, <c>_block_dist</c>.</summary>
    public static IReadOnlyList<ResultColumn> Columns { get; } = [new("_block_dist", TaosDataType.VarChar, 126)];

    /// <summary>
    /// Answers <paramref name="statement"/>. A table that does not exist fails as TDengine's rewrite
    /// <c>select _block_dist() from t</c> does (the same query's errors); a system table fails with 0x264F.
    /// </summary>
    public RowSetResult Show(ShowTableDistributedStatement statement, SqlSession session)
    {
        query((SelectStatement)SqlParser.Parse("select count(*) from " + Quote(statement.Table)), session);
        // The query found the table: one the catalog has not is a system table (information_schema, performance_schema).
        var database = catalog.FindDatabase(CatalogResolver.ResolveDatabase(catalog, statement.Table.Database, session));
        var table = database is null ? null : catalog.FindTable(database.Name, statement.Table.Name);
        if (database is null || table is null)
        {
            throw new TaosServerException(NotAllowedFunction, "_block_dist is only supported on super table, child table or normal table");
        }
        IReadOnlyList<TableInfo> tables = table.Kind == TableKind.Super ? catalog.ChildTables(database.Name, table.Name) : [table];
        var stats = new Stats(Option(database, "minrows", 100), Option(database, "maxrows", 4096), RowSize(table.Columns));
        var vgroups = new HashSet<int>();
        var vgroupsWithRows = new HashSet<int>();
        foreach (var t in tables)
        {
            int vgroup = Vgroups.Of(catalog, database, t.Name);
            vgroups.Add(vgroup);
            var (rows, bytes) = Measure(t);
            if (rows > 0) vgroupsWithRows.Add(vgroup);
            stats.AddTable(rows, bytes);
        }
        stats.Tables = tables.Count;
        stats.Vgroups = vgroups.Count;
        stats.Filesets = vgroups.Count + vgroupsWithRows.Count;
        return new RowSetResult(Columns, stats.Lines().Select(l => new object?[] { l }).ToList(), database.Precision);
    }

    private static string Quote(TableName name) =>
        (name.Database is { } db ? "`" + db + "`." : "") + "`" + name.Name + "`";

    private static int Option(DatabaseInfo database, string name, int fallback) =>
        database.Options.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            ? n : fallback;

    /// <summary>A row's bytes in TDengine's schema (doGetTableRowSize: the columns' bytes, headers included).</summary>
    private static int RowSize(IReadOnlyList<ColumnInfo> columns) => columns.Sum(c => c.Type switch
    {
        TaosDataType.NChar => c.Length * 4 + LengthHeader,
        _ when IsVariable(c.Type) => c.Length + LengthHeader,
        _ => c.Length,
    });

    private static bool IsVariable(TaosDataType type) => ColumnVector.StorageOf(type) == VectorStorage.Objects;

    /// <summary>The table's rows and the bytes their non-null values take.</summary>
    private (long Rows, long Bytes) Measure(TableInfo table)
    {
        long rows = 0, bytes = 0;
        var columns = Enumerable.Range(0, table.Columns.Count).ToList();
        foreach (var batch in catalog.ScanBatches(table, long.MinValue, long.MaxValue, columns))
        {
            rows += batch.Count;
            for (int c = 0; c < columns.Count; c++)
            {
                var vector = batch.Columns[c];
                for (int r = 0; r < batch.Count; r++)
                {
                    if (!vector.Nulls[r]) bytes += ValueBytes(table.Columns[c], vector, r);
                }
            }
        }
        return (rows, bytes);
    }

    private static long ValueBytes(ColumnInfo column, ColumnVector vector, int row) => vector.Objects.Length == 0
        ? column.Length
        : LengthHeader + vector.Objects[row] switch
        {
            string s => column.Type == TaosDataType.NChar ? s.Length * 4L : Encoding.UTF8.GetByteCount(s),
            byte[] b => b.Length,
            _ => column.Length,
        };

    /// <summary>STableBlockDistInfo as the vgroups' readers fill it and blockDistFinalize renders it.</summary>
    private sealed class Stats(int defaultMinRows, int defaultMaxRows, int rowSize)
    {
        private readonly int[] _histogram = new int[Buckets];
        private readonly int _bucketRange = (int)Math.Ceiling((double)(defaultMaxRows - defaultMinRows) / Buckets);
        private long _blocks, _rows, _size;
        private int _minRows = int.MaxValue, _maxRows;

        public int Tables { get; set; }

        public int Vgroups { get; set; }

        public int Filesets { get; set; }

        /// <summary>A table of <paramref name="rows"/> rows taking <paramref name="bytes"/>, cut into MAXROWS-row blocks.</summary>
        public void AddTable(long rows, long bytes)
        {
            _size += bytes;
            for (long start = 0; start < rows; start += defaultMaxRows)
            {
                int n = (int)Math.Min(defaultMaxRows, rows - start);
                _blocks++;
                _rows += n;
                _maxRows = Math.Max(_maxRows, n);
                _minRows = Math.Min(_minRows, n);
                _histogram[BucketOf(n)]++;
            }
        }

        /// <summary>tsdbRead2.c getBucketIndex.</summary>
        private int BucketOf(int rows) =>
            rows < defaultMinRows ? 0 : Math.Min((rows - defaultMinRows) / _bucketRange, Buckets - 1);

        /// <summary>blockDistFinalize's lines.</summary>
        public IEnumerable<string> Lines()
        {
            var inv = CultureInfo.InvariantCulture;
            double average = _blocks == 0 ? 0 : (double)_size / _blocks;
            long raw = _rows * rowSize;
            double ratio = raw == 0 ? 0 : _size * 100 / (double)raw;
            yield return string.Format(inv, "Total_Blocks=[{0}] Total_Size=[{1:F2} KiB] Average_size=[{2:F2} KiB] Compression_Ratio=[{3:F2} %]",
                _blocks, _size / 1024.0, average / 1024.0, ratio);
            yield return string.Format(inv, "Block_Rows=[{0}] MinRows=[{1}] MaxRows=[{2}] AvgRows=[{3}]",
                _rows, _rows == 0 ? 0 : _minRows, _maxRows, _blocks == 0 ? 0 : _rows / _blocks);
            yield return "Inmem_Rows=[0] Stt_Rows=[0] ";
            yield return string.Format(inv, "Total_Tables=[{0}] Total_Filesets=[{1}] Total_Vgroups=[{2}]", Tables, Filesets, Vgroups);
            yield return new string('-', 80);
            double factor = _blocks / 80.0;
            for (int i = 0; i < Buckets; i++)
            {
                var line = new StringBuilder((defaultMinRows + _bucketRange * (i + 1)).ToString("0000", inv)).Append(" |");
                if (_histogram[i] > 0)
                {
                    line.Append('|', (int)(_histogram[i] / factor));
                    line.Append(inv, $"  {_histogram[i]} ({_histogram[i] * 100.0 / _blocks:F2}%)");
                }
                yield return line.ToString();
            }
        }
    }
}
