using Taos.Protocol;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE FUNCTION and DROP FUNCTION (<c>Parser.Udf.cs</c>, sql.y of TDengine 3.3.0.1).</summary>
public class UdfParserTests
{
    private static TaosServerException Fails(string sql) => Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));

    [Fact]
    public void Create_function_reads_every_option()
    {
        var f = Parse<CreateFunctionStatement>("create or replace aggregate function if not exists `MyAgg` as '/Lib/Agg.so' outputtype double bufsize 64 language 'Python'");
        Assert.Equal((true, true, true, "MyAgg", "/Lib/Agg.so", TaosDataType.Double, 64, true),
            (f.OrReplace, f.Aggregate, f.IfNotExists, f.Name, f.LibraryPath, f.OutputType.Type, f.BufSize, f.Python));
        var s = Parse<CreateFunctionStatement>("CREATE FUNCTION bit_and AS '/tmp/libbitand.so' OUTPUTTYPE VARCHAR(10)");
        Assert.Equal((false, false, false, "bit_and", 10, 0, false), (s.OrReplace, s.Aggregate, s.IfNotExists, s.Name, s.OutputType.Length, s.BufSize, s.Python));
        Assert.Equal(TaosDataType.UInt, Parse<CreateFunctionStatement>("create function f as 'x' outputtype int unsigned").OutputType.Type);
    }

    [Fact]
    public void The_language_is_compared_like_strncasecmp_does()
    {
        Assert.False(Parse<CreateFunctionStatement>("create function f as 'x' outputtype int language 'C'").Python);
        Assert.False(Parse<CreateFunctionStatement>("create function f as 'x' outputtype int language ''").Python);
        Assert.True(Parse<CreateFunctionStatement>("create function f as 'x' outputtype int language 'py'").Python);
        Assert.True(Parse<CreateFunctionStatement>("create function f as 'x' outputtype int language 'PYTHON'").Python);
        var e = Fails("create function f as 'x' outputtype int language 'cpp'");
        Assert.Equal((9728, "udf programming language supports c and python"), (e.Code, e.Message));
        Assert.Equal(9728, Fails("create function f as 'x' outputtype int language 'python3'").Code);
    }

    [Fact]
    public void Bufsize_keeps_the_low_32_bits_as_strtol_and_a_cast_do()
    {
        Assert.Equal(-1, Parse<CreateFunctionStatement>("create aggregate function f as 'x' outputtype int bufsize 99999999999999999999").BufSize);
        Assert.Equal(unchecked((int)4294967297L), Parse<CreateFunctionStatement>("create aggregate function f as 'x' outputtype int bufsize 4294967297").BufSize);
    }

    [Fact]
    public void Malformed_create_function_is_a_syntax_error()
    {
        var empty = Fails("create function f as '' outputtype int");
        Assert.Equal((9728, "syntax error near"), (empty.Code, empty.Message));
        Assert.Equal(9729, Fails("create function f as 'x'").Code);
        Assert.Equal(9728, Fails("create function f as x outputtype int").Code);
        Assert.Equal(9728, Fails("create function f outputtype int").Code);
        Assert.Equal(9728, Fails("create function f as 'x' outputtype int bufsize -1").Code);
        Assert.Equal(9728, Fails("create or function f as 'x' outputtype int").Code);
        Assert.Equal(9729, Fails("create function f as 'x' outputtype varchar").Code);
        Assert.Equal(9728, Fails("create function f as 'x' outputtype varchar bufsize 1").Code);
        Assert.Equal(9729, Fails("create function f as 'x' outputtype").Code);
    }

    [Fact]
    public void Drop_function()
    {
        var d = Parse<DropFunctionStatement>("drop function if exists f1");
        Assert.Equal((true, "f1"), (d.IfExists, d.Name));
        Assert.False(Parse<DropFunctionStatement>("drop function `F1`").IfExists);
        Assert.Equal(9729, Fails("drop function").Code);
        Assert.Equal(9728, Fails("drop function db.f1").Code);
    }
}
