using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Operators;

/// <summary>
/// The source of a query made only of LAST_ROW and LAST (see <see cref="Planning.LastRowRule"/>): like
/// <see cref="TableScanOperator"/> it visits the tables one after the other, each announced by an empty batch, but
/// reads of each only the rows that decide those aggregates (<see cref="ICatalogReader.LastRows"/>: its last row
/// and, per column of <paramref name="nonNullColumns"/>, its last row where that column is not NULL) instead of
/// all of them. The accumulators see those rows in scan order, so they answer exactly as over the whole scan.
/// </summary>
/// <remarks>
/// The rows passing WHERE are a subset of the range: when the range's deciding rows pass <paramref name="rowTerms"/>
/// (comparisons of ts, which the range already holds but for a fractional bound's edge) they decide the passing
/// rows too; otherwise that table is scanned and filtered. A table read both ways shows rows twice at worst, which
/// LAST and LAST_ROW take as once (equal ts: the same row's values).
/// </remarks>
internal sealed class LastRowScanOperator(
    ICatalogReader catalog, IReadOnlyList<TableInfo> tables, TimeRange range, IReadOnlyList<int> columns,
    IReadOnlyList<int> nonNullColumns, TableFilter filter, IReadOnlyList<CExpr> rowTerms, int rowWidth)
    : BatchOperator
{
    public override IEnumerable<DataBatch> Open()
    {
        if (range.IsEmpty) yield break;
        var ctx = new EvalContext();
        var passing = new List<int>();
        for (int t = 0; t < tables.Count; t++)
        {
            if (filter.Passes(tables[t])) passing.Add(t);
        }
        var batch = new DataBatch(rowWidth, 0);
        batch.Vectors = new ColumnVector?[rowWidth];
        int announced = 0;
        foreach (var (index, rows) in catalog.LastRows(passing.ConvertAll(t => tables[t]), range.Min, range.Max, columns, nonNullColumns))
        {
            for (; announced <= index; announced++) yield return Announce(batch, passing[announced]);
            batch.Load(rows, columns);
            batch.SelectAll();
            if (AllPass(batch))
            {
                yield return batch;
                continue;
            }
            foreach (var read in catalog.ScanBatches(batch.Table!, range.Min, range.Max, columns))
            {
                batch.Load(read, columns);
                batch.SelectAll();
                batch.Retain(Passes);
                yield return batch;
            }
        }
        for (; announced < passing.Count; announced++) yield return Announce(batch, passing[announced]);

        bool Passes(int row)
        {
            batch.Position(ctx, row);
            foreach (var term in rowTerms)
            {
                if (!Values.IsTrue(term.Eval(ctx))) return false;
            }
            return true;
        }

        bool AllPass(DataBatch read)
        {
            for (int row = 0; row < read.Count; row++)
            {
                if (!Passes(row)) return false;
            }
            return true;
        }
    }

    /// <summary>The empty batch naming table <paramref name="t"/> before its rows (GROUP BY over tags shows tables without rows).</summary>
    private DataBatch Announce(DataBatch batch, int t)
    {
        batch.Table = tables[t];
        batch.TableIndex = t;
        batch.Count = 0;
        batch.SelectAll();
        return batch;
    }
}
