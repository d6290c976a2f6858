using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Statements of sql-dialect.md part B: DELETE, ALTER, more SHOW forms, topics, users, INSERT … SELECT.</summary>
internal sealed partial class Parser
{
    private const int MaxTopicNameBytes = 192;

    /// <summary>SHOW forms that are one or two fixed words (sql.y <c>cmd ::= SHOW …</c>).</summary>
    private static readonly HashSet<string> SimpleShows = new(StringComparer.Ordinal)
    {
        "dnodes", "mnodes", "qnodes", "snodes", "bnodes", "vnodes", "users", "functions", "streams", "topics", "consumers",
        "subscriptions", "queries", "connections", "apps", "transactions", "licences", "grants", "cluster", "variables",
        "scores", "arbgroups", "compacts", "vgroups",
    };

    private Statement ParseDelete()
    {
        Advance();
        ExpectKw("from");
        var table = ParseTableName();
        return new DeleteStatement(table, TryKw("where") ? ParseCondition() : null);
    }

    private Statement ParseAlter()
    {
        Advance();
        if (TryKw("database"))
        {
            string name = ParseName(MaxDatabaseNameBytes);
            var dbOptions = ParseDatabaseOptions();
            if (dbOptions.Count == 0)
            {
                throw Fail(_cur);
            }
            return new AlterDatabaseStatement(name, dbOptions);
        }
        if (TryKw("user"))
        {
            string user = ParseName(MaxColumnNameBytes);
            string option;
            string value;
            if (TryKw("pass"))
            {
                option = "pass";
                value = ParseStringContent();
            }
            else if (TryKw("enable"))
            {
                option = "enable";
                value = ParseTokenText(TokenKind.Integer);
            }
            else if (TryKw("sysinfo"))
            {
                option = "sysinfo";
                value = ParseTokenText(TokenKind.Integer);
            }
            else
            {
                throw Fail(_cur);
            }
            return new AlterUserStatement(user, option, value);
        }
        bool stable;
        if (TryKw("table"))
        {
            stable = false;
        }
        else
        {
            ExpectKw("stable");
            stable = true;
        }
        var table = ParseTableName();
        if (TryKw("add"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.AddColumn, AlterTableKind.AddTag);
            return new AlterTableStatement(stable, table, kind, ParseColumnDefinition(), null, null, null, []);
        }
        if (TryKw("modify"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.ModifyColumn, AlterTableKind.ModifyTag);
            return new AlterTableStatement(stable, table, kind, ParseColumnDefinition(), null, null, null, []);
        }
        if (TryKw("drop"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.DropColumn, AlterTableKind.DropTag);
            return new AlterTableStatement(stable, table, kind, null, ParseName(MaxColumnNameBytes), null, null, []);
        }
        if (TryKw("rename"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.RenameColumn, AlterTableKind.RenameTag);
            string oldName = ParseName(MaxColumnNameBytes);
            string newName = ParseName(MaxColumnNameBytes);
            return new AlterTableStatement(stable, table, kind, null, oldName, newName, null, []);
        }
        if (TryKw("set"))
        {
            ExpectKw("tag");
            string tag = ParseName(MaxColumnNameBytes);
            Expect(TokenKind.Eq);
            var value = ParseTagExpressionValue();
            return new AlterTableStatement(stable, table, AlterTableKind.SetTag, null, tag, null, value, []);
        }
        var options = new List<DatabaseOption>();
        while (true)
        {
            if (TryKw("comment"))
            {
                options.Add(new DatabaseOption("comment", [ParseStringContent()]));
            }
            else if (TryKw("ttl"))
            {
                options.Add(new DatabaseOption("ttl", [ParseTokenText(TokenKind.Integer)]));
            }
            else
            {
                break;
            }
        }
        if (options.Count == 0)
        {
            throw Fail(_cur);
        }
        return new AlterTableStatement(stable, table, AlterTableKind.Options, null, null, null, null, options);
    }

    private AlterTableKind ParseColumnOrTag(AlterTableKind column, AlterTableKind tag)
    {
        if (TryKw("column"))
        {
            return column;
        }
        ExpectKw("tag");
        return tag;
    }

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
        var query = Is(TokenKind.LParen) ? ParseParenthesizedQuery() : ParseQueryExpression();
        return new CreateTopicStatement(name, ifNotExists, query, null, null, null, meta);
    }

    private Statement ParseCreateUser()
    {
        string name = ParseName(MaxColumnNameBytes);
        ExpectKw("pass");
        string password = ParseStringContent();
        int sysInfo = 1;
        if (TryKw("sysinfo"))
        {
            sysInfo = (int)Math.Min(ParseInteger(), int.MaxValue);
        }
        return new CreateUserStatement(name, password, sysInfo);
    }

    private Statement ParseDropTopic()
    {
        bool ifExists = ParseIfExists();
        return new DropTopicStatement(ParseName(MaxTopicNameBytes), ifExists);
    }

    private Statement ParseDropConsumerGroup()
    {
        ExpectKw("group");
        bool ifExists = ParseIfExists();
        string group = ParseName(MaxTopicNameBytes);
        ExpectKw("on");
        return new DropConsumerGroupStatement(group, ParseName(MaxTopicNameBytes), ifExists);
    }

    /// <summary>SHOW forms other than DATABASES, TABLES and STABLES; null when the words after SHOW are none of them.</summary>
    private Statement? ParseShowMore()
    {
        if (TryKw("create"))
        {
            if (TryKw("database"))
            {
                return new ShowCreateDatabaseStatement(ParseName(MaxDatabaseNameBytes));
            }
            if (TryKw("table"))
            {
                return new ShowCreateTableStatement(ParseTableName(), false);
            }
            ExpectKw("stable");
            return new ShowCreateTableStatement(ParseTableName(), true);
        }
        if (TryKw("tags"))
        {
            ExpectKw("from");
            return new ShowTagsStatement(ParseShowTableNameWithFromDb());
        }
        if (IsKw("table") && Peek().IsKeyword("tags"))
        {
            Advance();
            Advance();
            List<Expr> tags = IsKw("from") ? [] : ParseCommaList(ParseExpression);
            ExpectKw("from");
            return new ShowTableTagsStatement(ParseShowTableNameWithFromDb(), tags);
        }
        if (IsKw("local") && Peek().IsKeyword("variables"))
        {
            Advance();
            Advance();
            return new ShowStatement("local variables", null);
        }
        if (Is(TokenKind.Keyword) && SimpleShows.Contains(_cur.Word!))
        {
            string what = _cur.Word!;
            Advance();
            return new ShowStatement(what, null);
        }
        return null;
    }

    /// <summary><c>t [FROM db]</c> or <c>db.t</c>.</summary>
    private TableName ParseShowTableNameWithFromDb()
    {
        var name = ParseTableName();
        if (name.Database is null && TryKw("from"))
        {
            return name with { Database = ParseName(MaxDatabaseNameBytes) };
        }
        return name;
    }
}
