using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// The administration statements of TDengine 3.3's grammar (sql.y): KILL, COMPACT / TRIM / FLUSH DATABASE, the vgroup
/// statements (BALANCE, MERGE, REDISTRIBUTE, SPLIT), dnodes and the component nodes (CREATE / DROP / ALTER / RESTORE),
/// ALTER LOCAL, RESET QUERY CACHE and the SHOW forms that go with them.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>The statements that start with one of these words (the dispatch of <see cref="ParseStatement"/>).</summary>
    private static bool StartsAdministration(string word) =>
        word is "kill" or "compact" or "trim" or "flush" or "balance" or "merge" or "redistribute" or "split" or "restore" or "reset"
            or "s3migrate";

    /// <summary>TSDB_CODE_PAR_EXPRIE_STATEMENT (0x2614): what sql.y answers to the account statements of TDengine 2.</summary>
    private const int ExpiredStatementCode = 0x2614;

    /// <summary>The options of CREATE / ALTER ACCOUNT (sql.y <c>account_options</c>, <c>alter_account_option</c>).</summary>
    private static readonly HashSet<string> AccountOptions = new(StringComparer.Ordinal)
    {
        "pps", "tseries", "storage", "streams", "qtime", "dbs", "users", "conns", "state",
    };

    /// <summary>A statement that <see cref="StartsAdministration"/> accepts the first word of.</summary>
    private Statement ParseAdministration()
    {
        string word = _cur.Word!;
        Advance();
        return word switch
        {
            "kill" => ParseKill(),
            "compact" => ParseCompact(),
            "trim" => ParseTrim(),
            "flush" => ParseFlush(),
            "balance" => ParseBalance(),
            "merge" => ParseMergeVgroup(),
            "redistribute" => ParseRedistribute(),
            "split" => ParseSplitVgroup(),
            "restore" => ParseRestore(),
            "s3migrate" => ParseS3Migrate(),
            _ => ParseResetQueryCache(),
        };
    }

    /// <summary>After <c>KILL</c>: <c>CONNECTION n | QUERY 'id' | TRANSACTION n | COMPACT n</c>.</summary>
    private Statement ParseKill()
    {
        if (TryKw("query"))
        {
            return new KillQueryStatement(ParseStringContent().Trim());
        }
        KillTarget target = TryKw("connection") ? KillTarget.Connection
            : TryKw("transaction") ? KillTarget.Transaction
            : TryKw("compact") ? KillTarget.Compact
            : throw Fail(_cur);
        return new KillStatement(target, ParseInteger());
    }

    /// <summary>After <c>COMPACT</c>: <c>DATABASE db [START WITH t] [END WITH t]</c>.</summary>
    private Statement ParseCompact()
    {
        ExpectKw("database");
        string database = ParseName(MaxDatabaseNameBytes);
        string? start = TryKw("start") ? ParseCompactBound() : null;
        string? end = TryKw("end") ? ParseCompactBound() : null;
        return new CompactDatabaseStatement(database, start, end);
    }

    /// <summary>After START or END: <c>WITH n | WITH 'ts' | WITH TIMESTAMP 'ts'</c>.</summary>
    private string ParseCompactBound()
    {
        ExpectKw("with");
        if (Is(TokenKind.Integer))
        {
            return ParseTokenText(TokenKind.Integer);
        }
        TryKw("timestamp");
        return ParseStringContent();
    }

    /// <summary>After <c>TRIM</c>: <c>DATABASE db [BWLIMIT n]</c>.</summary>
    private Statement ParseTrim()
    {
        ExpectKw("database");
        string database = ParseName(MaxDatabaseNameBytes);
        return new TrimDatabaseStatement(database, TryKw("bwlimit") ? ParseInteger() : 0);
    }

    /// <summary>After <c>FLUSH</c>: <c>DATABASE db</c>.</summary>
    private Statement ParseFlush()
    {
        ExpectKw("database");
        return new FlushDatabaseStatement(ParseName(MaxDatabaseNameBytes));
    }

    /// <summary>After <c>BALANCE</c>: <c>VGROUP [LEADER [ON n]]</c>.</summary>
    private Statement ParseBalance()
    {
        ExpectKw("vgroup");
        if (!TryKw("leader"))
        {
            return new BalanceVgroupStatement(false, null);
        }
        return new BalanceVgroupStatement(true, TryKw("on") ? ParseInteger() : null);
    }

    /// <summary>After <c>MERGE</c>: <c>VGROUP a b</c>.</summary>
    private Statement ParseMergeVgroup()
    {
        ExpectKw("vgroup");
        long first = ParseInteger();
        return new MergeVgroupStatement(first, ParseInteger());
    }

    /// <summary>After <c>REDISTRIBUTE</c>: <c>VGROUP v DNODE n {DNODE n}</c>.</summary>
    private Statement ParseRedistribute()
    {
        ExpectKw("vgroup");
        long vgroup = ParseInteger();
        var dnodes = new List<long>();
        do
        {
            ExpectKw("dnode");
            dnodes.Add(ParseInteger());
        }
        while (IsKw("dnode"));
        return new RedistributeVgroupStatement(vgroup, dnodes);
    }

    /// <summary>After <c>SPLIT</c>: <c>VGROUP v</c>.</summary>
    private Statement ParseSplitVgroup()
    {
        ExpectKw("vgroup");
        return new SplitVgroupStatement(ParseInteger());
    }

    /// <summary>After <c>RESTORE</c>: <c>DNODE n</c> or <c>QNODE | MNODE | VNODE ON DNODE n</c>.</summary>
    private Statement ParseRestore()
    {
        if (TryKw("dnode"))
        {
            return new ComponentNodeStatement(NodeAction.Restore, NodeKind.Dnode, ParseInteger());
        }
        NodeKind kind = TryKw("qnode") ? NodeKind.Qnode : TryKw("mnode") ? NodeKind.Mnode : TryKw("vnode") ? NodeKind.Vnode : throw Fail(_cur);
        return ParseOnDnode(NodeAction.Restore, kind);
    }

    /// <summary>After <c>S3MIGRATE</c>: <c>DATABASE db</c>.</summary>
    private Statement ParseS3Migrate()
    {
        ExpectKw("database");
        return new S3MigrateDatabaseStatement(ParseName(MaxDatabaseNameBytes));
    }

    /// <summary>
    /// After <c>CREATE ACCOUNT</c> (<c>name PASS 'p' {option literal}</c>) or <c>ALTER ACCOUNT</c> (<c>name {PASS |
    /// option} literal …</c>): TDengine 3 parses them only to refuse them, 0x2614, once the whole statement is read.
    /// </summary>
    private Statement ParseAccount(bool create)
    {
        Expect(TokenKind.Id);
        int options = 0;
        if (create)
        {
            ExpectKw("pass");
            Expect(TokenKind.String);
        }
        while (Is(TokenKind.Keyword) && (AccountOptions.Contains(_cur.Word!) || (!create && IsKw("pass"))))
        {
            Advance();
            ParseAccountLiteral();
            options++;
        }
        if ((!create && options == 0) || !Is(TokenKind.End))
        {
            throw Fail(_cur);
        }
        throw new TaosServerException(ExpiredStatementCode, "This statement is no longer supported");
    }

    /// <summary>sql.y's <c>literal</c> as an account option's value: a number, string, boolean, duration, NULL or <c>TIMESTAMP 'ts'</c>.</summary>
    private void ParseAccountLiteral()
    {
        if (TryKw("timestamp"))
        {
            Expect(TokenKind.String);
            return;
        }
        if (Is(TokenKind.Integer) || Is(TokenKind.Float) || Is(TokenKind.String) || Is(TokenKind.Bool) || Is(TokenKind.Duration)
            || Is(TokenKind.Question) || IsKw("null"))
        {
            Advance();
            return;
        }
        throw Fail(_cur);
    }

    /// <summary>After <c>RESET</c>: <c>QUERY CACHE</c>.</summary>
    private Statement ParseResetQueryCache()
    {
        ExpectKw("query");
        ExpectKw("cache");
        return new ResetQueryCacheStatement();
    }

    /// <summary>
    /// After <c>CREATE</c> or <c>DROP</c>: <c>DNODE …</c> or <c>QNODE | MNODE | SNODE | BNODE ON DNODE n</c> (and
    /// CREATE ACCOUNT, refused); null when the next word is none of these.
    /// </summary>
    private Statement? TryParseNodeStatement(NodeAction action)
    {
        if (action == NodeAction.Create && TryKw("account"))
        {
            return ParseAccount(create: true);
        }
        if (TryKw("dnode"))
        {
            return action == NodeAction.Create ? ParseCreateDnode() : ParseDropDnode();
        }
        NodeKind? kind = TryKw("qnode") ? NodeKind.Qnode : TryKw("mnode") ? NodeKind.Mnode : TryKw("snode") ? NodeKind.Snode
            : TryKw("bnode") ? NodeKind.Bnode : null;
        return kind is { } k ? ParseOnDnode(action, k) : null;
    }

    /// <summary><c>ON DNODE n</c>.</summary>
    private ComponentNodeStatement ParseOnDnode(NodeAction action, NodeKind kind)
    {
        ExpectKw("on");
        ExpectKw("dnode");
        return new ComponentNodeStatement(action, kind, ParseInteger());
    }

    /// <summary>After <c>CREATE DNODE</c>: <c>endpoint [PORT n]</c>, the endpoint a string, a name or an IP address.</summary>
    private Statement ParseCreateDnode()
    {
        string endpoint = ParseDnodeEndpoint() ?? throw Fail(_cur);
        return new CreateDnodeStatement(endpoint, TryKw("port") ? ParseInteger() : null);
    }

    /// <summary>After <c>DROP DNODE</c>: <c>n | endpoint</c> and <c>[FORCE | UNSAFE]</c>.</summary>
    private Statement ParseDropDnode()
    {
        long? id = Is(TokenKind.Integer) ? ParseInteger() : null;
        string? endpoint = id is null ? ParseDnodeEndpoint() ?? throw Fail(_cur) : null;
        bool force = TryKw("force");
        bool unsafeDrop = !force && TryKw("unsafe");
        return new DropDnodeStatement(id, endpoint, force, unsafeDrop);
    }

    /// <summary>sql.y's <c>dnode_endpoint</c>: a string (its content), a name or an IP address; null at anything else.</summary>
    private string? ParseDnodeEndpoint()
    {
        if (Is(TokenKind.String))
        {
            return ParseStringContent();
        }
        if (Is(TokenKind.Id) || Is(TokenKind.IpAddress))
        {
            return ParseTokenText(_cur.Kind);
        }
        return null;
    }

    /// <summary>
    /// After <c>ALTER</c>: <c>DNODE n 'key' ['value']</c>, <c>ALL DNODES 'key' ['value']</c> or
    /// <c>LOCAL 'key' ['value']</c>, <c>CLUSTER 'key' ['value']</c> (and ALTER ACCOUNT, refused); null when the next
    /// word is none of these.
    /// </summary>
    private Statement? TryParseAlterConfig()
    {
        if (TryKw("dnode"))
        {
            long dnode = ParseInteger();
            string config = ParseStringContent();
            return new AlterDnodeStatement(dnode, config, ParseOptionalString());
        }
        if (TryKw("all"))
        {
            ExpectKw("dnodes");
            string config = ParseStringContent();
            return new AlterDnodeStatement(null, config, ParseOptionalString());
        }
        if (TryKw("local"))
        {
            string config = ParseStringContent();
            return new AlterLocalStatement(config, ParseOptionalString());
        }
        if (TryKw("cluster"))
        {
            string config = ParseStringContent();
            return new AlterClusterStatement(config, ParseOptionalString());
        }
        return TryKw("account") ? ParseAccount(create: false) : null;
    }

    /// <summary>
    /// <c>CREATE ENCRYPT_KEY 'key'</c>, which TDengine 3.3.0.1 parses as <c>ALTER DNODE 'encrypt_key' 'key'</c> to no
    /// dnode in particular (parAstCreater.c createEncryptKeyStmt); null when the word after CREATE is another.
    /// </summary>
    private Statement? TryParseCreateEncryptKey()
    {
        if (_cur is not { Kind: TokenKind.Id, Word: "encrypt_key" })
        {
            return null;
        }
        Advance();
        return new AlterDnodeStatement(null, "encrypt_key", ParseStringContent());
    }

    private string? ParseOptionalString() => Is(TokenKind.String) ? ParseStringContent() : null;

    /// <summary>
    /// The SHOW forms of administration after SHOW: <c>CLUSTER ALIVE</c>, <c>GRANTS FULL | LOGS</c>, <c>COMPACT n</c>,
    /// <c>CLUSTER MACHINES</c>, <c>USER PRIVILEGES</c> (and SHOW ACCOUNTS, refused); null when the words are none of these.
    /// </summary>
    private Statement? TryParseShowAdministration()
    {
        if (IsKw("cluster") && Peek().IsKeyword("alive"))
        {
            Advance();
            Advance();
            return new ShowAliveStatement(true, null);
        }
        if (IsKw("grants") && Peek() is { Kind: TokenKind.Id, Word: "full" or "logs" } grants)
        {
            Advance();
            Advance();
            return new ShowStatement("grants " + grants.Word, null);
        }
        if (TryKw("compact"))
        {
            return new ShowCompactStatement(ParseInteger());
        }
        if (IsKw("cluster") && Peek() is { Kind: TokenKind.Id, Word: "machines" })
        {
            Advance();
            Advance();
            return new ShowStatement("cluster machines", null);
        }
        if (IsKw("user") && Peek().IsKeyword("privileges"))
        {
            Advance();
            Advance();
            return new ShowStatement("user privileges", null);
        }
        if (IsKw("accounts"))
        {
            Advance();
            throw Is(TokenKind.End) ? new TaosServerException(ExpiredStatementCode, "This statement is no longer supported") : Fail(_cur);
        }
        return null;
    }
}
