using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Streams;

/// <summary>
/// CREATE, DROP, PAUSE and RESUME STREAM, the recompute a DELETE on a stream's source asks for, and the rule that
/// a super table a stream reads or writes cannot be dropped before the stream (TDengine's 1011).
/// </summary>
internal sealed class StreamCommands(IStore store, TimeZoneInfo zone, StreamRunner runner)
{
    private static AffectedRowsResult Ok() => new(0);

    /// <summary>Checks the stream as TDengine's translater does, creates its target super table when missing and stores it.</summary>
    public AffectedRowsResult Create(CreateStreamStatement s, SqlSession session)
    {
        var plan = new StreamPlanner(store, zone).Plan(s, session);
        bool created = runner.Exclusive(() => store.Write(tx =>
        {
            if (store.Streams().Any(x => x.Name == s.Name))
            {
                if (s.IfNotExists) return false;
                throw StreamErrors.AlreadyExists();
            }
            if (store.Streams().Any(x => x.TargetDatabase == plan.Stream.TargetDatabase && x.TargetTable == plan.Stream.TargetTable))
                throw StreamErrors.TargetInUse();
            if (plan.NewTarget is { } stable) tx.CreateTable(stable);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            tx.SaveStream(plan.Stream with
            {
                CreateTime = now,
                Progress = store.LastSequence(plan.Stream.SourceDatabase),
                Pending = plan.Stream.FillHistory ? [new PendingRange(long.MinValue, long.MaxValue, now)] : [],
            });
            return true;
        }));
        if (created) runner.Kick(s.Name);
        return Ok();
    }

    /// <summary>Removes the stream (the rows it wrote stay); 1009 when there is none (unless IF EXISTS).</summary>
    public AffectedRowsResult Drop(DropStreamStatement s) => runner.Exclusive(() => store.Write(tx =>
    {
        if (Find(s.Name) is null)
        {
            if (s.IfExists) return Ok();
            throw StreamErrors.NotExist();
        }
        tx.DropStream(s.Name);
        return Ok();
    }));

    /// <summary>Stops computing the stream until RESUME STREAM; 1009 when there is none (unless IF EXISTS).</summary>
    public AffectedRowsResult Pause(PauseStreamStatement s) => Change(s.Name, s.IfExists, stream => stream with { Paused = true });

    /// <summary>
    /// Computes the stream again: what was written while it was paused is caught up, or skipped with IGNORE UNTREATED.
    /// </summary>
    public AffectedRowsResult Resume(ResumeStreamStatement s)
    {
        var result = Change(s.Name, s.IfExists, stream => !stream.Paused ? stream : s.IgnoreUntreated
            ? stream with { Paused = false, Progress = store.LastSequence(stream.SourceDatabase) }
            : stream with { Paused = false });
        runner.Kick(s.Name);
        return result;
    }

    private AffectedRowsResult Change(string name, bool ifExists, Func<StreamInfo, StreamInfo> change) => runner.Exclusive(() => store.Write(tx =>
    {
        if (Find(name) is not { } stream)
        {
            if (ifExists) return Ok();
            throw StreamErrors.NotExist();
        }
        var changed = change(stream);
        if (changed != stream) tx.SaveStream(changed);
        return Ok();
    }));

    /// <summary>
    /// Runs DELETE through <paramref name="delete"/> and has every stream reading the table recompute the windows of
    /// the deleted rows' time range.
    /// </summary>
    public StatementResult Delete(DeleteStatement s, SqlSession session, Func<StatementResult> delete)
    {
        if (store.Streams().Count == 0) return delete();
        return runner.Exclusive(() =>
        {
            var db = CatalogResolver.RequireDatabase(store, s.Table.Database, session);
            var table = store.FindTable(db.Name, s.Table.Name);
            var readers = table is null ? [] : store.Streams().Where(x => x.SourceDatabase == db.Name && Touches(x, table, store.FindTable(db.Name, x.SourceTable))).ToList();
            var span = readers.Count == 0 ? null : DeletedSpan(db.Name, table!, s.Where, session);
            var result = delete();
            if (readers.Count > 0 && span is (long from, long to)) store.Write(tx =>
            {
                long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var stream in readers)
                {
                    var definition = StreamDefinition.Load(stream, store, zone);
                    if (definition is null) continue;
                    var range = from == long.MinValue ? new PendingRange(long.MinValue, long.MaxValue, now) : new StreamWindows(definition).Affected(from, to, now);
                    tx.SaveStream(stream with { Pending = StreamProcessor.Merge([.. stream.Pending, range]) });
                }
                return 0;
            });
            foreach (var stream in readers) runner.Kick(stream.Name);
            return result;
        });
    }

    /// <summary>Runs DROP STABLE through <paramref name="drop"/> unless a stream reads or writes the super table (1011).</summary>
    public StatementResult GuardDropStable(DropStableStatement s, SqlSession session, Func<StatementResult> drop)
    {
        if (session.Database is not null || s.Name.Database is not null)
        {
            string db = s.Name.Database ?? session.Database!;
            if (store.Streams().Any(x => (x.SourceDatabase == db && x.SourceTable == s.Name.Name) || (x.TargetDatabase == db && x.TargetTable == s.Name.Name)))
                throw StreamErrors.MustBeDroppedFirst();
        }
        return drop();
    }

    /// <summary>
    /// Runs DROP DATABASE through <paramref name="drop"/> and drops the streams that read and write only that
    /// database with it; a stream between it and another database must be dropped first (1011), as TDengine's mnode says.
    /// </summary>
    public StatementResult GuardDropDatabase(DropDatabaseStatement s, Func<StatementResult> drop) => runner.Exclusive(() =>
    {
        var involved = store.Streams().Where(x => x.SourceDatabase == s.Name || x.TargetDatabase == s.Name).ToList();
        if (involved.Any(x => x.SourceDatabase != x.TargetDatabase)) throw StreamErrors.MustBeDroppedFirst();
        var result = drop();
        if (involved.Count > 0) store.Write(tx =>
        {
            foreach (var stream in involved) tx.DropStream(stream.Name);
            return 0;
        });
        return result;
    });

    private StreamInfo? Find(string name) => store.Streams().FirstOrDefault(x => x.Name == name);

    /// <summary>Whether deleting from <paramref name="table"/> (a super, child or normal table) removes rows the stream reads.</summary>
    private static bool Touches(StreamInfo stream, TableInfo table, TableInfo? source) =>
        table.Name == stream.SourceTable || table.SuperTable == stream.SourceTable || (source?.SuperTable is { } super && super == table.Name);

    /// <summary>The first and last timestamp of the rows a DELETE's WHERE selects, or null when it selects none.</summary>
    private (long From, long To)? DeletedSpan(string db, TableInfo table, Expr? where, SqlSession session)
    {
        try
        {
            return FirstAndLast(db, table, where, session);
        }
        catch (TaosServerException)
        {
            // A WHERE the query engine refuses: the DELETE answers its own error; should it still delete, every
            // window is recomputed.
            return (long.MinValue, long.MaxValue);
        }
    }

    private (long From, long To)? FirstAndLast(string db, TableInfo table, Expr? where, SqlSession session)
    {
        var ts = new ColumnExpr(null, table.Columns[0].Name) { Text = table.Columns[0].Name };
        var first = new FunctionExpr("first", [ts]) { Text = "first(" + ts.Text + ")" };
        var last = new FunctionExpr("last", [ts]) { Text = "last(" + ts.Text + ")" };
        var select = new SelectStatement(false, [new SelectItem(first, null, first.Text), new SelectItem(last, null, last.Text)],
            new TableSource(new TableName(db, table.Name), null), where, [], null, [], null, [], null, null);
        var result = new QueryExecutor(store, zone).Execute(select, session);
        var rows = result.Rows.ToList();
        (result.Rows as IDisposable)?.Dispose();
        return rows is [[long from, long to]] ? (from, to) : null;
    }
}
