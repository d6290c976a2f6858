using Taos.Transport;

namespace Taos.Tests.Internal;

public class StatementPlannerTests
{
    private static TaosParameterCollection Parameters(params (string Name, object Value)[] values)
    {
        var parameters = new TaosParameterCollection();
        foreach (var (name, value) in values) parameters.Add(new TaosParameter(name, value));
        return parameters;
    }

    [Fact]
    public void A_single_statement_runs_as_written()
    {
        var plan = StatementPlanner.ForCommand("  select 1; -- one\n", Parameters());
        var statement = Assert.Single(plan);
        Assert.Equal("  select 1; -- one\n", statement.Sql);
        Assert.Equal((1, 1), (statement.Index, statement.Count));
    }

    [Fact]
    public void Statements_are_numbered_from_one()
    {
        var plan = StatementPlanner.ForCommand("select 1; select 2;; select 3", Parameters());
        Assert.Equal(["select 1", "select 2", "select 3"], plan.Select(s => s.Sql));
        Assert.Equal([1, 2, 3], plan.Select(s => s.Index));
        Assert.All(plan, s => Assert.Equal(3, s.Count));
    }

    [Fact]
    public void Positional_parameters_continue_across_statements()
    {
        var plan = StatementPlanner.ForCommand("insert into t values (?, ?); insert into t values (?, @x)", Parameters(("", 1), ("", 2), ("", 3), ("x", 4)));
        Assert.Equal([1, 2, 3, 4], plan[0].Parameters.Select(p => p.Value));
        // The second statement's first ? takes the third parameter; every name stays reachable.
        Assert.Equal([3, 4, 1, 2], plan[1].Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Too_few_positional_parameters_throw_before_anything_runs()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StatementPlanner.ForCommand("select ?; select ?", Parameters(("", 1))));
        Assert.Contains("'?'", e.Message);
    }

    [Fact]
    public void A_missing_named_parameter_throws_before_anything_runs()
    {
        var e = Assert.Throws<InvalidOperationException>(() => StatementPlanner.ForCommand("select @a; select @b", Parameters(("@a", 1))));
        Assert.Contains("@b", e.Message);
    }

    [Fact]
    public void Comment_only_text_has_no_statements_and_empty_text_throws()
    {
        Assert.Empty(StatementPlanner.ForCommand("-- nothing", Parameters()));
        Assert.Throws<InvalidOperationException>(() => StatementPlanner.ForCommand(" ", Parameters()));
    }

    [Fact]
    public void A_batch_numbers_the_statements_of_all_its_commands()
    {
        var first = new TaosBatchCommand("select ?") { Parameters = { new TaosParameter("", 1) } };
        var second = new TaosBatchCommand("select ?; select 3") { Parameters = { new TaosParameter("", 2) } };
        var plan = StatementPlanner.ForBatch([first, second]);
        Assert.Equal(["select ?", "select ?", "select 3"], plan.Select(s => s.Sql));
        Assert.Equal([1, 2, 3], plan.Select(s => s.Index));
        Assert.Same(first, plan[0].Owner);
        Assert.Same(second, plan[2].Owner);
        Assert.Equal([2], plan[1].Parameters.Select(p => p.Value));
        Assert.Throws<InvalidOperationException>(() => StatementPlanner.ForBatch([]));
        Assert.Throws<InvalidOperationException>(() => StatementPlanner.ForBatch([new TaosBatchCommand("")]));
    }
}
