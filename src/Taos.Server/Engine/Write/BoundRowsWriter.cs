using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Writes bound rows (stmt binds, raw blocks) through the one write path of SQL INSERT: each table becomes a
/// <see cref="WriteBatch"/> resolved inside the write's transaction and committed by <see cref="WriteExecutor"/>, so
/// merging, overwrite, KEEP, auto-create and their error codes are INSERT's.
/// </summary>
internal sealed class BoundRowsWriter(WriteExecutor writer, ICatalogReader catalog)
{
    /// <summary>Writes every table's rows in one transaction; returns the rows written (merged rows count once).</summary>
    public int Write(IReadOnlyList<BoundTable> tables) => writer.Execute(() => Batches(tables));

    private List<WriteBatch> Batches(IReadOnlyList<BoundTable> tables)
    {
        var byName = new Dictionary<(string, string), WriteBatch>();
        var order = new List<WriteBatch>();
        foreach (var table in tables)
        {
            var target = table.Target;
            if (!byName.TryGetValue((target.Database.Name, target.Name), out var batch))
            {
                batch = NewBatch(table);
                byName[(target.Database.Name, target.Name)] = batch;
                order.Add(batch);
            }
            if (batch.Table.Columns.Count != target.Schema.Count)
                throw new TaosServerException(ServerErrorCode.InvalidValue, $"the schema of table {target.Name} changed since it was bound");
            batch.Add(target.Columns, table.Rows);
        }
        return order;
    }

    private WriteBatch NewBatch(BoundTable table)
    {
        var target = table.Target;
        var db = catalog.FindDatabase(target.Database.Name) ?? throw CatalogResolver.DatabaseNotExist();
        if (catalog.FindTable(db.Name, target.Name) is { } existing)
        {
            if (existing.Kind == TableKind.Super)
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
            return new WriteBatch(db, existing);
        }
        if (target.SuperTable is null) throw CatalogResolver.TableNotExist();
        var super = catalog.FindTable(target.SuperTable.Database, target.SuperTable.Name);
        if (super is null || super.Kind != TableKind.Super) throw CatalogResolver.TableNotExist();
        if (table.Tags is null) throw InsertTemplate.UsageError($"no tags were set for table {target.Name}, which does not exist");
        return new WriteBatch(db, target.Name, new AutoCreate(super, table.Tags));
    }
}
