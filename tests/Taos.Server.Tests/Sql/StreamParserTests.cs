using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE, DROP, PAUSE and RESUME STREAM (<c>Parser.Streams.cs</c>).</summary>
public class StreamParserTests
{
    [Fact]
    public void Create_stream_with_every_option_and_clause()
    {
        var s = Parse<CreateStreamStatement>("create stream if not exists s1 trigger max_delay 5s watermark 10s ignore expired 0 delete_mark 1d "
            + "fill_history 1 ignore update 0 into power.out (ws, n) tags (dev varchar(16)) subtable(concat('x-', tbname)) "
            + "as select _wstart, count(*) from power.meters partition by tbname interval(1m)");
        Assert.Equal(("s1", true, new TableName("power", "out")), (s.Name, s.IfNotExists, s.Target));
        var o = s.Options;
        Assert.Equal((StreamTrigger.MaxDelay, "5s", "10s", false, "1d", true, false),
            (o.Trigger, o.MaxDelay!.Text, o.Watermark!.Text, o.IgnoreExpired, o.DeleteMark!.Text, o.FillHistory, o.IgnoreUpdate));
        Assert.Equal(["ws", "n"], s.Columns);
        Assert.Equal("dev", Assert.Single(s.Tags).Name);
        Assert.Equal("concat('x-', tbname)", s.Subtable!.Text);
        Assert.IsType<IntervalWindow>(s.Query.Window);
    }

    [Fact]
    public void Create_stream_with_no_option()
    {
        var s = Parse<CreateStreamStatement>("create stream s1 into out as select _wstart, count(*) from meters session(ts, 10s)");
        Assert.Equal(StreamOptions.None, s.Options);
        Assert.Empty(s.Columns);
        Assert.Empty(s.Tags);
        Assert.Null(s.Subtable);
        Assert.Equal(StreamTrigger.AtOnce, Parse<CreateStreamStatement>("create stream s1 trigger at_once into out as select * from t").Options.Trigger);
        Assert.Equal(StreamTrigger.WindowClose, Parse<CreateStreamStatement>("create stream s1 trigger window_close into out as select * from t").Options.Trigger);
    }

    [Fact]
    public void Drop_pause_and_resume_stream()
    {
        Assert.Equal(("s1", true), Parse<DropStreamStatement>("drop stream if exists s1") is var d ? (d.Name, d.IfExists) : default);
        Assert.Equal(("s1", false), Parse<PauseStreamStatement>("pause stream s1") is var p ? (p.Name, p.IfExists) : default);
        var r = Parse<ResumeStreamStatement>("resume stream if exists ignore untreated s1");
        Assert.Equal(("s1", true, true), (r.Name, r.IfExists, r.IgnoreUntreated));
        Assert.False(Parse<ResumeStreamStatement>("resume stream s1").IgnoreUntreated);
    }

    [Fact]
    public void A_stream_name_longer_than_192_bytes_is_an_invalid_identifier()
    {
        string name = new('s', 193);
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse("drop stream " + name));
        Assert.Equal((9751, "Invalid identifier name: " + name), (e.Code, e.Message));
        Assert.Equal(new string('s', 192), Parse<DropStreamStatement>("drop stream " + new string('s', 192)).Name);
    }

    [Theory]
    [InlineData("create stream s1 as select * from t", "syntax error near \"as select * from t\"")]
    [InlineData("create stream s1 trigger soon into out as select * from t", "syntax error near \"soon into out as select * from t\"")]
    [InlineData("create stream s1 into out select * from t", "syntax error near \"select * from t\"")]
    [InlineData("pause s1", "syntax error near \"s1\"")]
    [InlineData("resume stream ignore s1", "syntax error near \"s1\"")]
    public void Malformed_stream_statements_are_syntax_errors(string sql, string message)
    {
        var e = Assert.Throws<TaosServerException>(() => Taos.Server.Sql.SqlParser.Parse(sql));
        Assert.Equal((9728, message), (e.Code, e.Message));
    }
}
