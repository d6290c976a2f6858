using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE and DROP TOPIC, DROP CONSUMER GROUP (<c>Parser.Topics.cs</c>).</summary>
public class TopicParserTests
{
    [Fact]
    public void Topics()
    {
        var q = Parse<CreateTopicStatement>("create topic cx_tmq_rows as select ts, current, voltage from cx_tmq.meters");
        Assert.Equal(("cx_tmq_rows", false, TopicMeta.None), (q.Name, q.IfNotExists, q.Meta));
        Assert.Equal(3, q.Query!.Items.Count);
        var s = Parse<CreateTopicStatement>("create topic if not exists cx_tmq_stb with meta as stable cx_tmq.meters where groupid > 1");
        Assert.Equal((true, TopicMeta.WithMeta, new TableName("cx_tmq", "meters"), "groupid > 1"), (s.IfNotExists, s.Meta, s.Stable, s.Where!.Text));
        var d = Parse<CreateTopicStatement>("create topic t only meta as database db");
        Assert.Equal((TopicMeta.OnlyMeta, "db"), (d.Meta, d.Database));
        var drop = Parse<DropTopicStatement>("drop topic if exists cx_tmq_rows");
        Assert.Equal(("cx_tmq_rows", true), (drop.Name, drop.IfExists));
        var group = Parse<DropConsumerGroupStatement>("drop consumer group if exists g1 on t1");
        Assert.Equal(("g1", "t1", true), (group.Group, group.Topic, group.IfExists));
    }
}
