using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>Function calls, keyword functions, CAST and CASE (<c>Parser.Functions.cs</c>, <c>Parser.Expressions.cs</c>).</summary>
public class FunctionParserTests
{
    [Fact]
    public void Functions_and_special_forms()
    {
        var f = Assert.IsType<FunctionExpr>(Item("first(*)"));
        Assert.IsType<StarExpr>(Assert.Single(f.Args));
        var g = Assert.IsType<FunctionExpr>(Item("count(t.*)"));
        Assert.Equal("t", Assert.IsType<StarExpr>(Assert.Single(g.Args)).Qualifier);
        var h = Assert.IsType<FunctionExpr>(Item("NoSuchFunc(v, 1)"));
        Assert.Equal(("nosuchfunc", 2), (h.Name, h.Args.Count));
        var last = Assert.IsType<FunctionExpr>(Item("last_row(v)"));
        Assert.Equal("last_row", last.Name);
        var now = Assert.IsType<FunctionExpr>(Item("now"));
        Assert.Equal(("now", 0), (now.Name, now.Args.Count));
        Assert.Equal("today", Assert.IsType<FunctionExpr>(Item("today()")).Name);
        Assert.Equal("database", Assert.IsType<FunctionExpr>(Item("database()")).Name);
        Assert.Equal("client_version", Assert.IsType<FunctionExpr>(Item("client_version()")).Name);
        Assert.Equal("server_status", Assert.IsType<FunctionExpr>(Item("server_status()")).Name);

        var cast = Assert.IsType<CastExpr>(Item("cast('2024-01-01 00:00:00' as timestamp)"));
        Assert.Equal(new TypeSpec(TaosDataType.Timestamp, 8), cast.Type);
        Assert.Equal(new TypeSpec(TaosDataType.NChar, 5), Assert.IsType<CastExpr>(Item("cast(v as nchar(5))")).Type);
        Assert.Equal(new TypeSpec(TaosDataType.UBigInt, 8), Assert.IsType<CastExpr>(Item("cast(v as bigint unsigned)")).Type);
        // CAST may leave out VARCHAR's length: TDengine 3.3.0.1 makes it 65517 (rest-breadth fn#52).
        Assert.Equal(new TypeSpec(TaosDataType.VarChar, 65517), Assert.IsType<CastExpr>(Item("cast(v as varchar)")).Type);
        Assert.Equal(new TypeSpec(TaosDataType.VarChar, 7), Assert.IsType<CastExpr>(Item("cast(v as binary(7))")).Type);

        var simpleCase = Assert.IsType<CaseExpr>(Item("case v when 1 then 'one' when 2 then 'two' end"));
        Assert.Equal("v", simpleCase.Operand!.Text);
        Assert.Equal(2, simpleCase.Branches.Count);
        Assert.Null(simpleCase.Else);
        var searched = Assert.IsType<CaseExpr>(Item("case when v > 1 then 'a' else 'b' end"));
        Assert.Null(searched.Operand);
        Assert.Equal("'b'", searched.Else!.Text);
    }
}
