using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>SHOW CREATE DATABASE / STABLE / TABLE: the statement that would create the object, as TDengine 3.3 writes it.</summary>
internal sealed class ShowCreateCommands(ICatalogReader catalog)
{
    /// <summary>559 (0x022F): what TDengine answers SHOW CREATE STABLE of a table that is not a super table.</summary>
    private const int NotSuperTableCode = 559;

    public RowSetResult Database(ShowCreateDatabaseStatement s)
    {
        var db = catalog.FindDatabase(s.Name) ?? throw CatalogResolver.DatabaseNotExist();
        var o = db.Options;
        string V(string key, string fallback) => o.TryGetValue(key, out var v) ? v : fallback;
        string text = $"CREATE DATABASE `{db.Name}` BUFFER {V("buffer", "256")} CACHESIZE {V("cachesize", "1")} "
            + $"CACHEMODEL '{V("cachemodel", "none")}' COMP {V("comp", "2")} DURATION {V("duration", "14400m")} "
            + $"WAL_FSYNC_PERIOD {V("wal_fsync_period", "3000")} MAXROWS {V("maxrows", "4096")} MINROWS {V("minrows", "100")} "
            + $"STT_TRIGGER {V("stt_trigger", "1")} KEEP {V("keep", "5256000m,5256000m,5256000m")} PAGES {V("pages", "256")} "
            + $"PAGESIZE {V("pagesize", "4")} PRECISION '{V("precision", "ms")}' REPLICA {V("replica", "1")} "
            + $"WAL_LEVEL {V("wal_level", "1")} VGROUPS {V("vgroups", "2")} SINGLE_STABLE {V("single_stable", "0")} "
            + $"TABLE_PREFIX {V("table_prefix", "0")} TABLE_SUFFIX {V("table_suffix", "0")} TSDB_PAGESIZE {V("tsdb_pagesize", "4")} "
            + $"WAL_RETENTION_PERIOD {V("wal_retention_period", "3600")} WAL_RETENTION_SIZE {V("wal_retention_size", "0")} "
            + $"KEEP_TIME_OFFSET {V("keep_time_offset", "0")} ENCRYPT_ALGORITHM 'none' S3_CHUNKSIZE 262144 S3_KEEPLOCAL 5256000m S3_COMPACT 0";
        return new RowSetResult(
            [new ResultColumn("Database", TaosDataType.VarChar, 63), new ResultColumn("Create Database", TaosDataType.VarChar, 65517)],
            [[db.Name, text]], TaosPrecision.Milliseconds);
    }

    /// <summary>SHOW CREATE TABLE (any table) or SHOW CREATE STABLE (a super table only: else 559).</summary>
    public RowSetResult Table(ShowCreateTableStatement s, SqlSession session)
    {
        var db = CatalogResolver.RequireDatabase(catalog, s.Name.Database, session);
        var table = catalog.FindTable(db.Name, s.Name.Name) ?? throw CatalogResolver.TableNotExist();
        if (s.Stable && table.Kind != TableKind.Super)
        {
            throw new TaosServerException(NotSuperTableCode, "Table is not a super table");
        }
        string text = table.Kind switch
        {
            TableKind.Super => $"CREATE STABLE `{table.Name}` ({Columns(table.Columns)}) TAGS ({Tags(table.Tags)})",
            TableKind.Normal => $"CREATE TABLE `{table.Name}` ({Columns(table.Columns)})",
            _ => $"CREATE TABLE `{table.Name}` USING `{table.SuperTable}` ({string.Join(", ", table.Tags.Select(t => $"`{t.Name}`"))}) TAGS ({TagValues(table)})",
        };
        // Then COMMENT and TTL, when set.
        if (table.Comment is not null) text += $" COMMENT '{table.Comment}'";
        if (table.Ttl != 0) text += " TTL " + table.Ttl.ToString(CultureInfo.InvariantCulture);
        return new RowSetResult(
            [new ResultColumn("Table", TaosDataType.VarChar, 193), new ResultColumn("Create Table", TaosDataType.VarChar, 3145726)],
            [[table.Name, text]], db.Precision);
    }

    private static string Columns(IEnumerable<ColumnInfo> columns) => string.Join(", ", columns.Select(c =>
        $"`{c.Name}` {TypeText(c)} ENCODE '{c.Encode ?? DescribeCommand.DefaultEncode(c.Type)}' COMPRESS '{c.Compress ?? "lz4"}' LEVEL '{c.Level ?? "medium"}'"));

    private static string Tags(IEnumerable<ColumnInfo> tags) => string.Join(", ", tags.Select(t => $"`{t.Name}` {TypeText(t)}"));

    private static string TypeText(ColumnInfo c) => TaosTypes.IsVariableLength(c.Type)
        ? TaosTypes.Name(c.Type) + "(" + c.Length.ToString(CultureInfo.InvariantCulture) + ")"
        : TaosTypes.Name(c.Type);

    /// <summary>Tag values as TDengine writes them: strings in double quotes, NULL, floating point in <c>%e</c> form, other numbers and booleans as text.</summary>
    private static string TagValues(TableInfo table)
    {
        var text = new StringBuilder();
        for (int i = 0; i < table.Tags.Count; i++)
        {
            if (i > 0) text.Append(", ");
            object? v = table.TagValues is { } values && i < values.Count ? values[i] : null;
            text.Append(v switch
            {
                null => "NULL",
                string s => "\"" + s + "\"",
                bool b => b ? "true" : "false",
                byte[] bytes => "\"\\x" + Convert.ToHexString(bytes) + "\"",
                // Floating point as C's %e (alt#28 records 2.500000e+00).
                float f => ((double)f).ToString("0.000000e+00", CultureInfo.InvariantCulture),
                double d => d.ToString("0.000000e+00", CultureInfo.InvariantCulture),
                _ => Values.ToText(v),
            });
        }
        return text.ToString();
    }
}
