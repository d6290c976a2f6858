using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Functions;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.SystemTables;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// CREATE TOPIC, DROP TOPIC and SHOW TOPICS, and the rule that a super table or database a topic reads cannot be
/// dropped before the topic (TDengine's 1005).
/// </summary>
internal sealed class TopicCommands(IStore store, SubscriptionRegistry subscriptions)
{
    private static AffectedRowsResult Ok() => new(0);

    /// <summary>Checks the statement's source as TDengine does and stores the topic.</summary>
    public AffectedRowsResult Create(CreateTopicStatement s, SqlSession session)
    {
        var (database, kind, source) = ResolveSource(s, session);
        return store.Write(tx =>
        {
            if (FindTopic(s.Name) is not null)
            {
                if (s.IfNotExists) return Ok();
                throw TopicErrors.AlreadyExists();
            }
            tx.SaveTopic(new TopicInfo(s.Name, database, s.Sql.Trim().TrimEnd(';').TrimEnd(), kind, source, s.Meta != TopicMeta.None,
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            return Ok();
        });
    }

    /// <summary>Removes the topic; 993 when there is none (unless IF EXISTS), 1003 while a consumer subscribes to it.</summary>
    public AffectedRowsResult Drop(DropTopicStatement s) => store.Write(tx =>
    {
        if (FindTopic(s.Name) is null)
        {
            if (s.IfExists) return Ok();
            throw TopicErrors.NotExist();
        }
        if (subscriptions.IsSubscribed(s.Name)) throw TopicErrors.Subscribed();
        tx.DropTopic(s.Name);
        return Ok();
    });

    /// <summary>
    /// DROP CONSUMER GROUP: forgets the group's offsets on the topic; 1004 while a consumer of the group subscribes
    /// to it, 1000 when the group never subscribed to it (unless IF EXISTS).
    /// </summary>
    public AffectedRowsResult DropConsumerGroup(DropConsumerGroupStatement s) => store.Write(tx =>
    {
        if (FindTopic(s.Topic) is null) throw TopicErrors.NotExist();
        if (subscriptions.IsUsed(s.Group, s.Topic)) throw TopicErrors.GroupUsed();
        if (!store.ConsumerGroups().Contains((s.Group, s.Topic)))
        {
            if (s.IfExists) return Ok();
            throw TopicErrors.SubscribeNotExist();
        }
        tx.DropConsumerGroup(s.Group, s.Topic);
        return Ok();
    });

    /// <summary>SHOW CONSUMERS: the rows of performance_schema.perf_consumers.</summary>
    public RowSetResult ShowConsumers() =>
        new(ConsumerSystemTables.ConsumerColumns, ConsumerSystemTables.ConsumerRows(new ConsumerCatalog(store, subscriptions)), TaosPrecision.Milliseconds);

    /// <summary>SHOW SUBSCRIPTIONS: the rows of information_schema.ins_subscriptions.</summary>
    public RowSetResult ShowSubscriptions() =>
        new(ConsumerSystemTables.SubscriptionColumns, ConsumerSystemTables.SubscriptionRows(new ConsumerCatalog(store, subscriptions)), TaosPrecision.Milliseconds);

    /// <summary>SHOW TOPICS: the rows of information_schema.ins_topics.</summary>
    public RowSetResult Show() => new(TopicSystemTables.Columns, TopicSystemTables.Rows(store), TaosPrecision.Milliseconds);

    /// <summary>Runs DROP STABLE through <paramref name="drop"/> unless a column or stable topic reads the super table.</summary>
    public StatementResult GuardDropStable(DropStableStatement s, SqlSession session, Func<StatementResult> drop)
    {
        if (session.Database is not null || s.Name.Database is not null)
        {
            string db = s.Name.Database ?? session.Database!;
            if (store.Topics().Any(t => t.Database == db && t.Kind != TopicKind.Database && t.Source == s.Name.Name))
                throw TopicErrors.MustBeDroppedFirst();
        }
        return drop();
    }

    /// <summary>Runs DROP DATABASE through <paramref name="drop"/> unless a topic reads the database.</summary>
    public StatementResult GuardDropDatabase(DropDatabaseStatement s, Func<StatementResult> drop)
    {
        if (store.Topics().Any(t => t.Database == s.Name)) throw TopicErrors.MustBeDroppedFirst();
        return drop();
    }

    private TopicInfo? FindTopic(string name) => store.Topics().FirstOrDefault(t => t.Name == name);

    private (string Database, TopicKind Kind, string? Source) ResolveSource(CreateTopicStatement s, SqlSession session)
    {
        if (s.Database is { } named)
        {
            if (store.FindDatabase(named) is null) throw TopicErrors.DatabaseNotAvailable();
            return (named, TopicKind.Database, null);
        }
        if (s.Stable is { } stable)
        {
            var db = CatalogResolver.RequireDatabase(store, stable.Database, session);
            if (store.FindTable(db.Name, stable.Name) is not { Kind: TableKind.Super }) throw TopicErrors.StableNotExist();
            return (db.Name, TopicKind.Stable, stable.Name);
        }
        var query = s.Query ?? throw TopicErrors.InvalidQuery();
        if (query.From is not TableSource from || !IsPlainQuery(query)) throw TopicErrors.InvalidQuery();
        try
        {
            var db = CatalogResolver.RequireDatabase(store, from.Name.Database, session);
            if (store.FindTable(db.Name, from.Name.Name) is null) throw CatalogResolver.TableNotExist();
            return (db.Name, TopicKind.Column, from.Name.Name);
        }
        catch (TaosServerException e) when (e.Code != ServerErrorCode.DatabaseNotSpecified)
        {
            throw TopicErrors.TableInfo(e);
        }
    }

    /// <summary>A topic's query only filters and projects rows: no aggregates, windows, grouping, ordering or limits.</summary>
    private static bool IsPlainQuery(SelectStatement q) =>
        !q.Distinct && !q.TagsMode && q.Window is null && q.GroupBy.Count == 0 && q.PartitionBy.Count == 0 && q.Having is null
        && q.OrderBy.Count == 0 && q.SLimit is null && q.Limit is null && q.Range is null && q.Every is null && q.Fill is null
        && q.Items.All(i => !FunctionCatalog.CallsAggregateOrMultiRow(i.Expr));

}
