using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>DELETE FROM (<c>Parser.Delete.cs</c>).</summary>
public class DeleteParserTests
{
    [Fact]
    public void Delete_with_and_without_where()
    {
        var d = Parse<DeleteStatement>("DELETE FROM db.d1001 WHERE ts < '2024-01-01 00:00:00'");
        Assert.Equal(new TableName("db", "d1001"), d.Table);
        Assert.Equal("ts < '2024-01-01 00:00:00'", d.Where!.Text);
        Assert.Null(Parse<DeleteStatement>("delete from t").Where);
    }
}
