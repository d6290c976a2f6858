using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// One statement of <c>init</c> … <c>close</c>: what <c>prepare</c> made of its SQL (an INSERT template or a query
/// with placeholders) and what has been bound since — for an INSERT the current table, its tags and the rows waiting
/// for <c>exec</c>; for a query the bound values and the result <c>exec</c> produced.
/// </summary>
internal sealed class WsStmt(ulong id) : IDisposable
{
    private readonly List<BoundTable> _pending = [];
    private RowSetResult? _result;

    /// <summary>The stmt id the client names the statement by.</summary>
    public ulong Id { get; } = id;

    /// <summary>The prepared INSERT, or null.</summary>
    public InsertTemplate? Insert { get; private set; }

    /// <summary>The prepared query, or null.</summary>
    public PlaceholderSql? Query { get; private set; }

    /// <summary>The table an INSERT binds to now (resolved), or null before it is known.</summary>
    public BoundTable? Current { get; private set; }

    /// <summary>Rows bound and not yet executed, over every table.</summary>
    public int PendingRows { get; private set; }

    /// <summary>The values bound to a query's placeholders, or null.</summary>
    public object?[]? QueryValues { get; set; }

    /// <summary>Prepares an INSERT, dropping whatever the statement held.</summary>
    public void Prepare(InsertTemplate insert)
    {
        Reset();
        Insert = insert;
    }

    /// <summary>Prepares a query, dropping whatever the statement held.</summary>
    public void Prepare(PlaceholderSql query)
    {
        Reset();
        Query = query;
    }

    /// <summary>Makes <paramref name="target"/> the table later binds write to.</summary>
    public void UseTable(BoundTarget target)
    {
        Current = new BoundTable(target);
        _pending.Add(Current);
    }

    /// <summary>
    /// The table binds write to: the one <c>set_table_name</c> named, or the INSERT's own table (resolved on first
    /// use). 554 when the statement is not an INSERT or its table is a placeholder not yet named.
    /// </summary>
    public BoundTable RequireTable(ICatalogReader catalog, SqlSession session)
    {
        if (Current is { } current)
        {
            return current;
        }
        if (Insert is null || Insert.TableIsParameter)
        {
            throw new TaosServerException(ServerErrorCode.StmtApiUsageError, StmtLookup.UsageError);
        }
        UseTable(BoundTarget.Resolve(catalog, Insert, Insert.Clause.Table, session));
        return Current!;
    }

    /// <summary>Adds checked schema-wide rows to the current table.</summary>
    public void AddRows(IReadOnlyList<object?[]> rows)
    {
        Current!.Add(rows);
        PendingRows += rows.Count;
    }

    /// <summary>The tables with rows bound since the last <c>exec</c>; clears them (the current table stays current).</summary>
    public List<BoundTable> TakePending()
    {
        var tables = _pending.Where(t => t.Rows.Count > 0).ToList();
        _pending.Clear();
        PendingRows = 0;
        if (Current is { } current)
        {
            Current = new BoundTable(current.Target) { Tags = current.Tags };
            _pending.Add(Current);
        }
        return tables;
    }

    /// <summary>Keeps the result a query's <c>exec</c> produced (the previous one is released).</summary>
    public void SetResult(RowSetResult result)
    {
        ReleaseResult();
        _result = result;
    }

    /// <summary>The result of the last <c>exec</c> (handed over: the statement no longer holds it), or null.</summary>
    public RowSetResult? TakeResult()
    {
        var result = _result;
        _result = null;
        return result;
    }

    /// <summary>The name <paramref name="name"/> as <c>set_table_name</c> gives it: <c>db.table</c> or <c>table</c>, optionally backquoted.</summary>
    public static TableName ParseTableName(string name)
    {
        int dot = name.StartsWith('`') ? name.IndexOf("`.", StringComparison.Ordinal) + 1 : name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            ? new TableName(Unquote(name[..dot]).ToLowerInvariant(), Unquote(name[(dot + 1)..]))
            : new TableName(null, Unquote(name));
    }

    private static string Unquote(string part) =>
        part.Length >= 2 && part[0] == '`' && part[^1] == '`' ? part[1..^1] : part.ToLowerInvariant();

    /// <summary>Drops everything the statement holds (a kept result is released).</summary>
    public void Dispose() => Reset();

    private void Reset()
    {
        Insert = null;
        Query = null;
        Current = null;
        QueryValues = null;
        _pending.Clear();
        PendingRows = 0;
        ReleaseResult();
    }

    private void ReleaseResult()
    {
        (_result?.Rows as IDisposable)?.Dispose();
        _result = null;
    }
}
