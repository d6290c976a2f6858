using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

/// <summary>The entry point (<c>SqlParser.cs</c>).</summary>
public class SqlParserTests
{
    [Fact]
    public void Text_after_a_nul_character_does_not_exist()
    {
        var s = Assert.IsType<SelectStatement>(SqlParser.Parse("select 1\0 garbage ("));
        Assert.Equal("select 1", s.Sql);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse("select 1 from\0 t"));
        Assert.Equal(ServerErrorCode.IncompleteSql, ex.Code);
    }
}
