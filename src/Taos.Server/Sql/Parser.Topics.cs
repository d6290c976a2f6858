using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE and DROP TOPIC, DROP CONSUMER GROUP.</summary>
internal sealed partial class Parser
{
    private const int MaxTopicNameBytes = 192;

    /// <summary>
    /// After <c>CREATE TOPIC</c>: <c>[IF NOT EXISTS] name [WITH META | ONLY META] AS DATABASE db | STABLE s [WHERE …] | query</c>.
    /// </summary>
    private Statement ParseCreateTopic()
    {
        bool ifNotExists = ParseIfNotExists();
        string name = ParseName(MaxTopicNameBytes);
        var meta = TopicMeta.None;
        if (TryKw("with"))
        {
            ExpectKw("meta");
            meta = TopicMeta.WithMeta;
        }
        else if (TryKw("only"))
        {
            ExpectKw("meta");
            meta = TopicMeta.OnlyMeta;
        }
        ExpectKw("as");
        if (TryKw("database"))
        {
            return new CreateTopicStatement(name, ifNotExists, null, ParseName(MaxDatabaseNameBytes), null, null, meta);
        }
        if (TryKw("stable"))
        {
            var stable = ParseTableName();
            var where = TryKw("where") ? ParseCondition() : null;
            return new CreateTopicStatement(name, ifNotExists, null, null, stable, where, meta);
        }
        if (meta != TopicMeta.None)
        {
            throw Fail(_cur);
        }
        return new CreateTopicStatement(name, ifNotExists, ParseEmbeddedQuery(), null, null, null, meta);
    }

    /// <summary>After <c>DROP TOPIC</c>: <c>[IF EXISTS] name</c>.</summary>
    private Statement ParseDropTopic()
    {
        bool ifExists = ParseIfExists();
        return new DropTopicStatement(ParseName(MaxTopicNameBytes), ifExists);
    }

    /// <summary>After <c>DROP CONSUMER</c>: <c>GROUP [IF EXISTS] group ON topic</c>.</summary>
    private Statement ParseDropConsumerGroup()
    {
        ExpectKw("group");
        bool ifExists = ParseIfExists();
        string group = ParseName(MaxTopicNameBytes);
        ExpectKw("on");
        return new DropConsumerGroupStatement(group, ParseName(MaxTopicNameBytes), ifExists);
    }
}
