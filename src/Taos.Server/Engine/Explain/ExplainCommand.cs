using System.Diagnostics;
using System.Globalization;
using Taos.Server.Engine.Binding;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Operators;
using Taos.Server.Engine.Planning;
using Taos.Server.Engine.Query;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Engine.Views;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Explain;

/// <summary>
/// EXPLAIN [ANALYZE] [VERBOSE true|false] query: the plan of this engine's operators for the query, one row per line
/// in TDengine's format, in one VARCHAR column <c>QUERY_PLAN</c> (TSDB_EXPLAIN_RESULT_ROW_SIZE, 16384 bytes less the
/// length prefix). ANALYZE runs the plan and adds what was measured, then TDengine's <c>Planning Time</c> and
/// <c>Execution Time</c> rows. A subquery, view or join in FROM is planned on its own and shown under the operator
/// that reads its rows.
/// </summary>
internal sealed class ExplainCommand(ICatalogReader catalog, TimeZoneInfo zone)
{
    /// <summary>The result column of EXPLAIN.</summary>
    public static ResultColumn Column { get; } = new("QUERY_PLAN", TaosDataType.VarChar, 16382);

    public RowSetResult Execute(ExplainStatement s, SqlSession session)
    {
        var clock = Stopwatch.StartNew();
        var plan = Tree(s.Query, session);
        double planning = clock.Elapsed.TotalMilliseconds;
        if (s.Analyze) OperatorMeter.MeasureAll(plan);
        var rows = new PlanRenderer(s.Verbose, s.Analyze).Render(plan);
        if (s.Analyze)
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"Planning Time: {planning:F3} ms"));
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"Execution Time: {plan.Measured?.TotalMs ?? 0:F3} ms"));
        }
        return new RowSetResult([Column], rows.Select(r => new object?[] { r }).ToList(), TaosPrecision.Milliseconds);
    }

    private PlanNode Tree(Statement query, SqlSession session) => query switch
    {
        SelectStatement select => SelectTree(select, session),
        UnionStatement union => UnionTree(union, session),
        InsertSelectStatement insert => SelectTree(insert.Query, session),
        _ => throw ViewErrors.InvalidQuery(),
    };

    private PlanNode SelectTree(SelectStatement select, SqlSession session)
    {
        var (bound, plan) = new QueryExecutor(catalog, zone).Prepare(select, session);
        return new PlanTreeBuilder(plan.Columns, bound, select, op => RowSourceTree(op, select, bound, session)).Build(plan.Root);
    }

    /// <summary>UNION: each block planned on its own, under the operators that combine them.</summary>
    private PlanNode UnionTree(UnionStatement union, SqlSession session)
    {
        var blocks = new Queue<PlanNode>(union.Queries.Select(q => SelectTree(q, session)));
        var plan = new UnionPlanner(zone).Plan(union, block => new QueryExecutor(catalog, zone).Execute(block, session));
        return new PlanTreeBuilder(plan.Columns, null, null, _ => null, blocks).Build(plan.Root);
    }

    /// <summary>What a query reads as rows: a system table, a subquery, a view or a join.</summary>
    private PlanNode? RowSourceTree(RowSourceOperator op, SelectStatement select, BoundSelect bound, SqlSession session)
    {
        var columns = bound.Source.Layout?.Columns.Where(c => c.Kind == SlotKind.Column).Select(c => new ResultColumn(c.Name, c.Type, c.Length)).ToList() ?? [];
        switch (select.From)
        {
            case TableSource t when SystemSchemas.IsSystemDatabase(t.Name.Database ?? session.Database ?? ""):
                return new PlanNode
                {
                    Name = "System Table Scan on " + t.Name.Name, Operator = op, BlankBeforeClose = true,
                    Fields = [$"columns={columns.Count}", $"width={RowWidths.Of(columns)}"],
                    Verbose = [$"Output: columns={columns.Count} width={RowWidths.Of(columns)}"],
                };
            case TableSource t when ViewOf(t.Name, session) is { } view:
                return Tree(SqlParser.Parse(view.QuerySql), new SqlSession { Database = view.Database, User = session.User, ClientHost = session.ClientHost });
            case SubquerySource sub:
                return Tree(sub.Query, session);
            case JoinSource join:
                return JoinTree(join, op, columns, session);
            default:
                return null;
        }
    }

    private ViewInfo? ViewOf(TableName name, SqlSession session)
    {
        string? db = name.Database ?? session.Database;
        return db is null || catalog.FindTable(db, name.Name) is not null ? null : ViewExpander.Find(catalog, db, name.Name);
    }

    /// <summary>A join: TDengine's join line over the plans of its two inputs.</summary>
    private PlanNode JoinTree(JoinSource join, object? op, IReadOnlyList<ResultColumn> columns, SqlSession session)
    {
        string type = join.JoinType.Split(' ')[0];
        var node = new PlanNode
        {
            Name = char.ToUpperInvariant(type[0]) + type[1..] + " Join", Operator = op, BlankBeforeClose = true,
            Fields = [$"columns={columns.Count}", $"width={RowWidths.Of(columns)}", "input_order=asc"],
            Verbose = [$"Output: columns={columns.Count} width={RowWidths.Of(columns)}"],
        };
        node.Children.Add(SideTree(join.Left, session));
        node.Children.Add(SideTree(join.Right, session));
        return node;
    }

    private PlanNode SideTree(FromSource side, SqlSession session) => side switch
    {
        TableSource t => Tree(SqlParser.Parse("select * from " + Quoted(t.Name)), session),
        SubquerySource sub => Tree(sub.Query, session),
        JoinSource nested => JoinTree(nested, null, [], session),
        _ => throw ViewErrors.InvalidQuery(),
    };

    private static string Quoted(TableName name) => (name.Database is null ? "" : $"`{name.Database}`.") + $"`{name.Name}`";
}
