using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE SMA INDEX (<c>Parser.Indexes.cs</c>, sql.y index_options of TDengine 3.3.0.1).</summary>
public class SmaIndexParserTests
{
    private static int Code(string sql) => Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql)).Code;

    [Fact]
    public void Every_option_is_read()
    {
        var s = Parse<CreateSmaIndexStatement>(
            "create sma index if not exists sma1 on power.meters function(max(c1), min(c1), count(c2), first(c1), last(c1), last_row(c1)) " +
            "interval(5m, 10s) sliding(1m) watermark 5s max_delay 10s delete_mark 1h");
        Assert.Equal((true, "sma1", "power", "meters"), (s.IfNotExists, s.Name, s.Table.Database, s.Table.Name));
        Assert.Equal(["max", "min", "count", "first", "last", "last_row"], s.Functions.Select(f => f.Name));
        Assert.Equal(("5m", "10s", "1m"), (s.Interval.Text, s.Offset!.Text, s.Sliding!.Text));
        var plain = Parse<CreateSmaIndexStatement>("create sma index sma2 on meters function(avg(c1)) interval(1h)");
        Assert.Equal((false, (string?)null, (Duration?)null), (plain.IfNotExists, plain.Table.Database, plain.Sliding));
    }

    [Fact]
    public void Show_indexes_names_the_table_and_its_database()
    {
        Assert.Equal(("d1", "t1"), (Parse<ShowIndexesStatement>("show indexes from t1 from d1").Table.Database, Parse<ShowIndexesStatement>("show indexes from t1 from d1").Table.Name));
        Assert.Equal("d1", Parse<ShowIndexesStatement>("show indexes from d1.t1").Table.Database);
        Assert.Null(Parse<ShowIndexesStatement>("show indexes from t1").Table.Database);
        Assert.Equal(9729, Code("show indexes from"));
        Assert.Equal(9728, Code("show indexes t1"));
    }

    [Fact]
    public void Malformed_sma_indexes_are_syntax_errors()
    {
        Assert.Equal(9728, Code("create sma index sma1 on meters function(max(c1)) sliding(1m)"));
        Assert.Equal(9729, Code("create sma index sma1 on meters function(max(c1))"));
        Assert.Equal(9728, Code("create sma index sma1 on meters function() interval(1m)"));
        Assert.Equal(9728, Code("create sma index sma1 on meters function(count(*)) interval(1m)"));
        Assert.Equal(9728, Code("create sma index db.sma1 on meters function(max(c1)) interval(1m)"));
        Assert.Equal(9728, Code("create sma index sma1 on meters function(max(c1)) interval(1m) watermark 5"));
        Assert.Equal(9728, Code("create sma sma1 on meters function(max(c1)) interval(1m)"));
    }
}
