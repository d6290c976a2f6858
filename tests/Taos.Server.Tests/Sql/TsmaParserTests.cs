using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE [RECURSIVE] TSMA, DROP TSMA and SHOW TSMAS (<c>Parser.Tsma.cs</c>, sql.y of TDengine 3.3.0.1).</summary>
public class TsmaParserTests
{
    private static TaosServerException Fails(string sql) => Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));

    [Fact]
    public void Create_tsma_and_recursive_tsma()
    {
        var t = Parse<CreateTsmaStatement>("create tsma if not exists t1 on power.meters function(avg(current), max(voltage)) interval(5m)");
        Assert.Equal((true, false, "t1", "power", "meters", "5m"), (t.IfNotExists, t.Recursive, t.Name, t.Table.Database, t.Table.Name, t.Interval.Text));
        Assert.Equal(["avg", "max"], t.Functions.Select(f => f.Name));
        var r = Parse<CreateTsmaStatement>("CREATE RECURSIVE TSMA t2 ON t1 INTERVAL(1h)");
        Assert.Equal((true, "t2", "t1", 0), (r.Recursive, r.Name, r.Table.Name, r.Functions.Count));
    }

    [Fact]
    public void Drop_and_show()
    {
        var d = Parse<DropTsmaStatement>("drop tsma if exists power.t1");
        Assert.Equal((true, "power", "t1"), (d.IfExists, d.Name.Database, d.Name.Name));
        Assert.Equal(("tsmas", (string?)null), (Parse<ShowStatement>("show tsmas").What, Parse<ShowStatement>("show tsmas").Database));
        Assert.Equal("power", Parse<ShowStatement>("show power.tsmas").Database);
    }

    [Fact]
    public void Malformed_tsmas_and_long_names_are_refused()
    {
        Assert.Equal(9728, Fails("create tsma t1 on meters interval(5m)").Code);
        Assert.Equal(9728, Fails("create recursive tsma t2 on t1 function(avg(c)) interval(1h)").Code);
        Assert.Equal(9729, Fails("create tsma t1 on meters function(avg(c))").Code);
        Assert.Equal(9728, Fails("create tsma t1 on meters function(avg(c)) interval(5m) sliding(1m)").Code);
        var e = Fails("create tsma " + new string('t', 179) + " on meters function(avg(c)) interval(5m)");
        Assert.Equal((12561, "Tsma name too long"), (e.Code, e.Message));
        Assert.Equal("t", Parse<CreateTsmaStatement>("create tsma " + new string('t', 178) + " on meters function(avg(c)) interval(5m)").Name[..1]);
        Assert.Equal(9728, Fails("drop tsmas t1").Code);
    }
}
