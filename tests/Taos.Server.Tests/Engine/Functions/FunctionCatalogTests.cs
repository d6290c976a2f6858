using Taos.Server.Engine.Functions;

namespace Taos.Server.Tests.Engine.Functions;

public class FunctionCatalogTests
{
    [Fact]
    public void Keyword_functions_without_arguments_are_the_ones_the_parser_reads_with_empty_parentheses()
    {
        string[] niladic = ["now", "today", "timezone", "database", "client_version", "server_version", "server_status", "current_user", "user"];
        Assert.All(niladic, n => Assert.True(FunctionCatalog.TakesNoArguments(n), n));
        Assert.False(FunctionCatalog.TakesNoArguments("abs"));
        Assert.False(FunctionCatalog.TakesNoArguments("nosuchfunction"));
    }

    [Fact]
    public void Count_first_last_and_last_row_accept_a_star()
    {
        Assert.All(new[] { "count", "first", "last", "last_row" }, n => Assert.True(FunctionCatalog.AcceptsStar(n), n));
        Assert.False(FunctionCatalog.AcceptsStar("sum"));
        Assert.False(FunctionCatalog.AcceptsStar("max"));
    }

    [Theory]
    [InlineData("count", "Aggregate")]
    [InlineData("avg", "Aggregate")]
    [InlineData("max", "Selector")]
    [InlineData("last_row", "Selector")]
    [InlineData("diff", "MultiRow")]
    [InlineData("top", "MultiRow")]
    [InlineData("abs", "Scalar")]
    [InlineData("now", "Scalar")]
    public void Every_function_has_its_kind(string name, string kindName)
    {
        var kind = Enum.Parse<FunctionKind>(kindName);
        Assert.Equal(kind, FunctionCatalog.Find(name)!.Kind);
        Assert.Equal(kind is FunctionKind.Aggregate or FunctionKind.Selector, FunctionCatalog.IsAggregate(name));
        Assert.Equal(kind == FunctionKind.Selector, FunctionCatalog.IsSelector(name));
        Assert.Equal(kind == FunctionKind.MultiRow, FunctionCatalog.IsMultiRow(name));
    }

    [Fact]
    public void Argument_counts_and_fixed_result_types_come_from_the_catalog()
    {
        var concat = FunctionCatalog.Find("concat")!;
        Assert.False(concat.Accepts(1));
        Assert.True(concat.Accepts(8));
        Assert.False(concat.Accepts(9));
        Assert.Equal(TaosDataType.Double, FunctionCatalog.Find("avg")!.ResultType);
        Assert.Null(FunctionCatalog.Find("sum")!.ResultType);
        Assert.Null(FunctionCatalog.Find("nosuchfunction"));
    }
}
