using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Insert;

/// <summary>
/// Runs INSERT: every clause is resolved and every value coerced first (so an error writes nothing), rows with the
/// same ts in one statement are merged column by column, then everything is written in one transaction.
/// </summary>
internal sealed class InsertExecutor
{
    private readonly IStore _store;
    private readonly TimeZoneInfo _zone;

    public InsertExecutor(IStore store, TimeZoneInfo zone)
    {
        _store = store;
        _zone = zone;
    }

    private sealed class Target(DatabaseInfo db, TableInfo info, TableEntry? existing)
    {
        public DatabaseInfo Db { get; } = db;
        public TableInfo Info { get; } = info;
        public TableEntry? Existing { get; } = existing;
        public Dictionary<long, Row> Rows { get; } = new();
    }

    private sealed class Row(int width, bool[] provided)
    {
        public object?[] Values { get; } = new object?[width];

        /// <summary>Which columns the statement gave; shared with the clause until a merge widens it.</summary>
        public bool[] Provided { get; set; } = provided;
    }

    public int Execute(InsertStatement statement, SqlSession session) => _store.Write(tx =>
    {
        var targets = new Dictionary<(string, string), Target>();
        var order = new List<Target>();
        foreach (var clause in statement.Clauses)
        {
            var target = Resolve(statement, clause, session, targets, order);
            AddRows(statement, clause, target);
        }
        CheckKeep(order);
        int affected = 0;
        foreach (var target in order)
        {
            var entry = target.Existing ?? tx.CreateTable(target.Info);
            affected += target.Rows.Count;
            if (target.Rows.Count == 0) continue;
            // Rows share their clause's mask array unless a merge changed it, so grouping by reference is cheap.
            foreach (var group in target.Rows.Values.GroupBy(r => r.Provided, ReferenceEqualityComparer.Instance))
            {
                var provided = (bool[])group.Key!;
                var columns = new List<int>();
                for (int i = 0; i < provided.Length; i++)
                {
                    if (provided[i]) columns.Add(i);
                }
                tx.UpsertRows(entry, columns, group.Select(r => r.Values));
            }
        }
        return affected;
    });

    private Target Resolve(InsertStatement statement, InsertClause clause, SqlSession session,
        Dictionary<(string, string), Target> targets, List<Target> order)
    {
        var db = SqlEngine.RequireDatabase(_store, clause.Table.Database, session);
        string dbName = db.Name;
        targets.TryGetValue((dbName, clause.Table.Name), out var target);
        if (clause.Using is { } u)
        {
            string stableDb = u.Stable.Database ?? dbName;
            var super = _store.FindTable(stableDb, u.Stable.Name);
            if (super is null || super.Kind != TableKind.Super) throw SqlEngine.TableNotExist();
            var coercer = new ValueCoercer(statement.Sql, _zone, db.Precision);
            var tagValues = TagBinder.Bind(coercer, super, u.TagNames, u.TagValues);
            if (target is null)
            {
                var existing = _store.FindEntry(dbName, clause.Table.Name);
                target = existing is not null
                    ? new Target(db, existing.Info, existing)
                    : new Target(db, new TableInfo(dbName, clause.Table.Name, TableKind.Child, super.Name, super.Columns, super.Tags, tagValues), null);
                targets[(dbName, clause.Table.Name)] = target;
                order.Add(target);
            }
        }
        else if (target is null)
        {
            var existing = _store.FindEntry(dbName, clause.Table.Name);
            if (existing is null) throw SqlEngine.TableNotExist();
            if (existing.Info.Kind == TableKind.Super)
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
            target = new Target(db, existing.Info, existing);
            targets[(dbName, clause.Table.Name)] = target;
            order.Add(target);
        }
        return target;
    }

    private void AddRows(InsertStatement statement, InsertClause clause, Target target)
    {
        var columns = target.Info.Columns;
        var coercer = new ValueCoercer(statement.Sql, _zone, target.Db.Precision);
        int[] bound;
        if (clause.ColumnNames is { } names)
        {
            var list = new List<int>();
            foreach (var name in names)
            {
                int index = TagBinder.IndexOf(columns, name.Name);
                if (index < 0) throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name.Name);
                // TDengine copies the name into a buffer before quoting it: the name alone, not the rest of the statement.
                if (list.Contains(index)) throw ValueCoercer.SyntaxError(name.Name, "duplicated column name");
                list.Add(index);
            }
            if (!list.Contains(0))
                throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
            bound = list.ToArray();
        }
        else
        {
            bound = new int[columns.Count];
            for (int i = 0; i < bound.Length; i++) bound[i] = i;
        }
        int width = columns.Count;
        var clauseMask = new bool[width];
        foreach (int c in bound) clauseMask[c] = true;
        var values = new object?[width];
        foreach (var valueList in clause.Rows)
        {
            var tokens = valueList.Values;
            int n = Math.Min(tokens.Count, bound.Length);
            for (int i = 0; i < n; i++)
            {
                values[bound[i]] = coercer.Coerce(tokens[i], columns[bound[i]], primaryKey: bound[i] == 0);
                // TDengine reads a "± duration" only after a timestamp (parseTime); after any other value the
                // scanner wants the comma and finds the sign instead.
                if (tokens[i].Offsets.Count > 0 && columns[bound[i]].Type != TaosDataType.Timestamp)
                    throw coercer.SyntaxErrorAt(tokens[i].OffsetPosition, ", expected");
            }
            if (tokens.Count < bound.Length)
                throw coercer.SyntaxErrorAt(valueList.CloseParenPosition, tokens.Count == 0 ? "invalid data or symbol" : ", expected");
            if (tokens.Count > bound.Length)
                throw new TaosServerException(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
            long ts = (long)values[0]!;
            if (!target.Rows.TryGetValue(ts, out var row))
            {
                row = new Row(width, clauseMask);
                target.Rows[ts] = row;
                foreach (int c in bound)
                {
                    row.Values[c] = values[c];
                    values[c] = null;
                }
                continue;
            }
            // Same ts again in this statement: a later non-NULL value wins, a later NULL does not erase.
            var merged = row.Provided;
            if (!ReferenceEquals(merged, clauseMask))
            {
                bool widen = false;
                foreach (int c in bound) widen |= !merged[c];
                if (widen) merged = (bool[])merged.Clone();
            }
            foreach (int c in bound)
            {
                object? v = values[c];
                if (v is not null || !row.Provided[c]) row.Values[c] = v;
                merged[c] = true;
                values[c] = null;
            }
            row.Provided = merged;
        }
    }

    private static readonly long[] MaxKey = [31556995200000L, 31556995200000000L, 9146850900000000000L];

    private static void CheckKeep(List<Target> targets)
    {
        foreach (var target in targets)
        {
            if (target.Rows.Count == 0) continue;
            var precision = target.Db.Precision;
            long keepMinutes = DatabaseOptions.KeepMinutes(target.Db.Options);
            long now = TaosTime.Now(precision);
            // A KEEP longer than the tick range reaches back (ns databases created before the 292-year cap) bounds nothing.
            long minKey = TaosTime.TryDurationTicks(keepMinutes, 'm', precision, out long keepTicks) && now >= long.MinValue + keepTicks
                ? now - keepTicks
                : long.MinValue;
            long maxKey = MaxKey[(int)precision];
            foreach (long ts in target.Rows.Keys)
            {
                if (ts < minKey || ts > maxKey)
                    throw new TaosServerException(ServerErrorCode.TimestampOutOfRange, "Timestamp data out of range");
            }
        }
    }
}
