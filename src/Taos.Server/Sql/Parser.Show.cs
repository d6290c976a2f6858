using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>The SHOW statements.</summary>
internal sealed partial class Parser
{
    /// <summary>SHOW forms that are one or two fixed words (sql.y <c>cmd ::= SHOW …</c>).</summary>
    private static readonly HashSet<string> SimpleShows = new(StringComparer.Ordinal)
    {
        "dnodes", "mnodes", "qnodes", "snodes", "bnodes", "vnodes", "users", "functions", "streams", "topics", "consumers",
        "subscriptions", "queries", "connections", "apps", "transactions", "licences", "grants", "cluster", "variables",
        "scores", "arbgroups", "compacts", "vgroups",
    };

    private Statement ParseShow()
    {
        Advance();
        if (TryKw("databases"))
        {
            return new ShowDatabasesStatement();
        }
        if ((IsKw("user") || IsKw("system")) && Peek().IsKeyword("databases"))
        {
            var kind = IsKw("user") ? ShowDatabasesKind.User : ShowDatabasesKind.System;
            Advance();
            ExpectKw("databases");
            return new ShowDatabasesStatement { Kind = kind };
        }
        if (IsKw("normal") || IsKw("child"))
        {
            var kind = IsKw("normal") ? ShowTablesKind.Normal : ShowTablesKind.Child;
            Advance();
            string? database = ParseShowDatabasePrefix();
            ExpectKw("tables");
            return new ShowTablesStatement(database, ParseLikePattern(), kind);
        }
        return ParseShowInDatabase(ParseShowDatabasePrefix());
    }

    /// <summary>The <c>db.</c> of <c>SHOW db.TABLES</c> and the like, or null.</summary>
    private string? ParseShowDatabasePrefix()
    {
        if (!(AtIdentifier() && Peek().Kind == TokenKind.Dot))
        {
            return null;
        }
        string database = ParseName(MaxDatabaseNameBytes);
        Advance();
        return database;
    }

    /// <summary>
    /// SHOW forms after <c>SHOW [db.]</c>: TABLES, STABLES and VGROUPS may name the database; the others may not.
    /// </summary>
    private Statement ParseShowInDatabase(string? database)
    {
        if (TryKw("tables"))
        {
            return new ShowTablesStatement(database, ParseLikePattern(), ShowTablesKind.All);
        }
        if (TryKw("stables"))
        {
            return new ShowStablesStatement(database, ParseLikePattern());
        }
        if (TryKw("views"))
        {
            return new ShowViewsStatement(database, ParseLikePattern());
        }
        if (TryKw("alive"))
        {
            return new ShowAliveStatement(false, database);
        }
        if (database is not null && TryKw("vgroups"))
        {
            return new ShowStatement("vgroups", database);
        }
        if (TryParseShowTsmas(database) is { } tsmas)
        {
            return tsmas;
        }
        if (database is null && ParseShowOther() is { } other)
        {
            return other;
        }
        throw Fail(_cur);
    }

    private string? ParseLikePattern() => TryKw("like") ? ParseStringContent() : null;

    /// <summary>SHOW forms other than DATABASES, TABLES and STABLES; null when the words after SHOW are none of them.</summary>
    private Statement? ParseShowOther()
    {
        if (TryParseShowAdministration() is { } administration)
        {
            return administration;
        }
        if (TryKw("create"))
        {
            return ParseShowCreate();
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
        if (TryKw("indexes"))
        {
            return ParseShowIndexes();
        }
        if (TryKw("dnode"))
        {
            long dnode = ParseInteger();
            ExpectKw("variables");
            return new ShowStatement("dnode variables", null) { Dnode = dnode, Like = ParseLikePattern() };
        }
        if (TryParseShowMore() is { } more)
        {
            return more;
        }
        if (Is(TokenKind.Keyword) && SimpleShows.Contains(_cur.Word!))
        {
            string what = _cur.Word!;
            Advance();
            return what == "vnodes" && TryKw("on") ? ParseShowVnodesOnDnode() : new ShowStatement(what, null);
        }
        return null;
    }

    /// <summary>
    /// <c>SHOW CLUSTER VARIABLES</c>, which TDengine 3.3.0.1 parses as SHOW VARIABLES (QUERY_NODE_SHOW_VARIABLES_STMT),
    /// <c>SHOW TABLE DISTRIBUTED [db.]t</c> and <c>SHOW ENCRYPTIONS</c> (ENCRYPTIONS is a word of its own, not one
    /// this lexer reserves); null for others.
    /// </summary>
    private Statement? TryParseShowMore()
    {
        if (IsKw("cluster") && Peek().IsKeyword("variables"))
        {
            Advance();
            Advance();
            return new ShowStatement("variables", null);
        }
        if (IsKw("table") && Peek().IsKeyword("distributed"))
        {
            Advance();
            Advance();
            return new ShowTableDistributedStatement(ParseTableName());
        }
        if (_cur is { Kind: TokenKind.Id, Word: "encryptions" })
        {
            Advance();
            return new ShowStatement("encryptions", null);
        }
        return null;
    }

    /// <summary>After <c>SHOW VNODES ON</c>: <c>DNODE n</c>.</summary>
    private ShowStatement ParseShowVnodesOnDnode()
    {
        ExpectKw("dnode");
        return new ShowStatement("vnodes", null) { Dnode = ParseInteger() };
    }

    /// <summary>After <c>SHOW CREATE</c>: <c>DATABASE db</c>, <c>TABLE t</c>, <c>VIEW v</c> or <c>STABLE s</c>.</summary>
    private Statement ParseShowCreate()
    {
        if (TryKw("database"))
        {
            return new ShowCreateDatabaseStatement(ParseName(MaxDatabaseNameBytes));
        }
        if (TryKw("table"))
        {
            return new ShowCreateTableStatement(ParseTableName(), false);
        }
        if (TryKw("view"))
        {
            return new ShowCreateViewStatement(ParseTableName());
        }
        ExpectKw("stable");
        return new ShowCreateTableStatement(ParseTableName(), true);
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
