using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

/// <summary>Statement dispatch and where syntax errors point (<c>Parser.cs</c>).</summary>
public class ParserTests
{
    [Theory]
    [InlineData("selec * from meters", 9728, "syntax error near \"selec * from meters\"")]
    [InlineData("select * from", 9729, "Incomplete SQL statement")]
    [InlineData("select 0x10", 9728, "syntax error near \"0x10\"")]
    [InlineData("select * from t where", 9729, "Incomplete SQL statement")]
    [InlineData("select * from;", 9728, "syntax error near \";\"")]
    [InlineData("select * from t; garbage", 0, "")]
    [InlineData("select a || b from t", 9728, "syntax error near \"|| b from t\"")]
    [InlineData("select a << 1 from t", 9728, "syntax error near \"<< 1 from t\"")]
    [InlineData("select ~a from t", 9728, "syntax error near \"~a from t\"")]
    [InlineData("select ! from t", 9728, "unrecognized token: \"! from t\"")]
    [InlineData("select a from t where b = 'x", 9728, "unrecognized token: \"'x\"")]
    [InlineData("select a from t where b @ 1", 9728, "unrecognized token: \"@ 1\"")]
    [InlineData("SELECT A FROM T WHERE B = 'Keep Case' AND", 9729, "Incomplete SQL statement")]
    [InlineData("SELECT A FROM T WHERE B = 'Keep Case' XYZ", 9728, "syntax error near \"xyz\"")]
    [InlineData("select count from t", 9728, "syntax error near \"from t\"")]
    [InlineData("select abs() from t", 9728, "syntax error near \") from t\"")]
    [InlineData("select a = b = c from t", 9728, "syntax error near \"= c from t\"")]
    [InlineData("select * from t limit -1", 9728, "syntax error near \"-1\"")]
    [InlineData("", 9729, "Incomplete SQL statement")]
    [InlineData("hello", 9728, "syntax error near \"hello\"")]
    public void Errors_quote_the_rest_of_the_lowercased_statement(string sql, int code, string message)
    {
        if (code == 0)
        {
            Assert.IsType<SelectStatement>(SqlParser.Parse(sql));
            return;
        }
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal((code, message), (ex.Code, ex.Message));
    }
}
