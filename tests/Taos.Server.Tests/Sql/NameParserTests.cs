using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>Identifier length limits and aliases (<c>Parser.Names.cs</c>).</summary>
public class NameParserTests
{
    [Fact]
    public void Too_long_names_fail_with_9751_quoting_from_the_name()
    {
        string table = "t" + new string('x', 192);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse($"create table {table} (ts timestamp, v int)"));
        Assert.Equal(ServerErrorCode.InvalidIdentifierName, ex.Code);
        Assert.Equal($"Invalid identifier name: {table} (ts timestamp, v int)", ex.Message);

        Parse<CreateNormalTableStatement>($"create table {table[..192]} (ts timestamp, v int)");

        string db = new('d', 65);
        ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse($"create database {db}"));
        Assert.Equal($"Invalid identifier name: {db}", ex.Message);
        Parse<CreateDatabaseStatement>($"create database {db[..64]}");

        string col = new('c', 65);
        ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse($"create table t (ts timestamp, `{col}` int)"));
        Assert.Equal($"Invalid identifier name: {col}` int)", ex.Message);
    }

    [Fact]
    public void Too_long_column_name_in_expression_is_9751()
    {
        string col = new('c', 65);
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse($"select {col} from t"));
        Assert.Equal((ServerErrorCode.InvalidIdentifierName, $"Invalid identifier name: {col} from t"), (ex.Code, ex.Message));
    }

    [Fact]
    public void Alias_is_kept_to_64_bytes()
    {
        string alias = new('a', 70);
        var item = Assert.Single(Assert.IsType<SelectStatement>(SqlParser.Parse($"select v as {alias} from t")).Items);
        Assert.Equal(alias[..64], item.Alias);
    }
}
