using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// COMPACT, TRIM and FLUSH DATABASE, done for real on the store: COMPACT starts a background compaction of the
/// store's file (listed in ins_compacts while it runs) and answers TDengine's <c>result, id, reason</c> row; TRIM
/// deletes the rows older than the database's KEEP; FLUSH writes the write-ahead log into the main file; S3MIGRATE has
/// no S3 storage to move to. A database
/// that does not exist is 0x0388, as the mnode answers.
/// </summary>
internal sealed class MaintenanceCommands(IStore store, CompactRegistry compacts, Func<DeleteStatement, SqlSession, AffectedRowsResult> delete)
{
    /// <summary>The columns of COMPACT DATABASE's answer (COMPACT_DB_RESULT_FIELD1_LEN 32 and FIELD3_LEN 128, less the header).</summary>
    public static IReadOnlyList<ResultColumn> CompactColumns { get; } =
    [
        new("result", TaosDataType.VarChar, 30), new("id", TaosDataType.Int, 4), new("reason", TaosDataType.VarChar, 126),
    ];

    /// <summary>
    /// COMPACT DATABASE: <c>accepted, id, success</c>, or <c>rejected, NULL, compaction is ongoing</c> while a
    /// compaction of the database still runs.
    /// </summary>
    public RowSetResult Compact(CompactDatabaseStatement s)
    {
        var database = RequireDatabase(s.Database);
        var compact = compacts.Start(database.Name, Vgroups.Ids(store, database));
        object?[] row = compact is null ? ["rejected", null, "compaction is ongoing"] : ["accepted", compact.Id, "success"];
        return new RowSetResult(CompactColumns, [row], TaosPrecision.Milliseconds);
    }

    /// <summary>TRIM DATABASE: deletes, table by table, the rows older than now less the database's KEEP (its keep2).</summary>
    public AffectedRowsResult Trim(TrimDatabaseStatement s, SqlSession session)
    {
        var database = RequireDatabase(s.Database);
        long keepMinutes = DatabaseOptions.KeepMinutes(database.Options);
        long now = Clock.Now(database.Precision);
        if (!Durations.TryTicks(keepMinutes, 'm', database.Precision, out long keepTicks) || now < long.MinValue + keepTicks)
        {
            return new AffectedRowsResult(0);
        }
        long oldest = now - keepTicks;
        foreach (var table in store.Tables(database.Name).Where(t => t.Kind != TableKind.Child))
        {
            string sql = $"delete from `{database.Name}`.`{table.Name}` where `{table.Columns[0].Name}` < {oldest}";
            delete((DeleteStatement)SqlParser.Parse(sql), session);
        }
        return new AffectedRowsResult(0);
    }

    /// <summary>FLUSH DATABASE: the committed writes move from the write-ahead log into the store's file.</summary>
    public AffectedRowsResult Flush(FlushDatabaseStatement s)
    {
        RequireDatabase(s.Database);
        store.Flush();
        return new AffectedRowsResult(0);
    }

    /// <summary>
    /// S3MIGRATE DATABASE: moves the database's data files to S3 storage; the embedded server has no S3 storage
    /// configured (as a TDengine without <c>s3EndPoint</c>), so there is nothing to move.
    /// </summary>
    public AffectedRowsResult S3Migrate(S3MigrateDatabaseStatement s)
    {
        RequireDatabase(s.Database);
        return new AffectedRowsResult(0);
    }

    private DatabaseInfo RequireDatabase(string name) => store.FindDatabase(name) ?? throw CatalogResolver.DatabaseNotExist();
}
