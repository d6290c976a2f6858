using System.Globalization;
using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// A recursive-descent parser for the statements TDengine 3.3 accepts over REST, reporting errors where TDengine's
/// LALR parser (sql.y) would: at the first token that cannot continue the statement.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDatabaseNameBytes = 64;
    private const int MaxTableNameBytes = 192;
    private const int MaxColumnNameBytes = 64;

    private readonly string _sql;
    private readonly Lexer _lexer;
    private readonly Queue<Token> _ahead = new();
    private Token _cur;
    private int _lastEnd;
    private int _placeholders;

    public Parser(string lowercasedSql)
    {
        _sql = lowercasedSql;
        _lexer = new Lexer(lowercasedSql);
        _cur = _lexer.Next();
    }

    // ------------------------------------------------------------------ token plumbing

    private Token Peek(int k = 1)
    {
        while (_ahead.Count < k)
        {
            _ahead.Enqueue(_lexer.Next());
        }
        return _ahead.ElementAt(k - 1);
    }

    private void Advance()
    {
        _lastEnd = _cur.End;
        _cur = _ahead.Count > 0 ? _ahead.Dequeue() : _lexer.Next();
    }

    private bool Is(TokenKind kind) => _cur.Kind == kind;

    private bool IsKw(string keyword) => _cur.IsKeyword(keyword);

    private bool TryKw(string keyword)
    {
        if (_cur.IsKeyword(keyword))
        {
            Advance();
            return true;
        }
        return false;
    }

    private bool TryTake(TokenKind kind)
    {
        if (_cur.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    private void ExpectKw(string keyword)
    {
        if (!TryKw(keyword))
        {
            throw Fail(_cur);
        }
    }

    private Token Expect(TokenKind kind)
    {
        var t = _cur;
        if (t.Kind != kind)
        {
            throw Fail(t);
        }
        Advance();
        return t;
    }

    /// <summary>The error TDengine gives when the grammar cannot accept <paramref name="token"/>.</summary>
    private TaosServerException Fail(Token token) => token.Kind switch
    {
        TokenKind.Illegal => SqlErrors.Unrecognized(_sql, token.Start),
        TokenKind.End when token.Length == 0 => SqlErrors.Incomplete(),
        _ => SqlErrors.SyntaxNear(_sql, token.Start),
    };

    private string TextFrom(int start) => _sql.Substring(start, _lastEnd - start);

    private static T WithText<T>(T expr, string text) where T : Expr => expr with { Text = text };

    /// <summary><c>item {, item}</c>: one or more items separated by commas.</summary>
    private List<T> ParseCommaList<T>(Func<T> parseItem)
    {
        var items = new List<T> { parseItem() };
        while (TryTake(TokenKind.Comma))
        {
            items.Add(parseItem());
        }
        return items;
    }

    /// <summary>
    /// Unsigned decimal digits as a number; more than <see cref="long.MaxValue"/> saturates, so that the range
    /// checks further on reject it as out of range rather than as malformed.
    /// </summary>
    private static long ParseDigits(ReadOnlySpan<char> digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : long.MaxValue;

    // ------------------------------------------------------------------ entry

    public Statement ParseStatement()
    {
        var first = _cur;
        Statement statement;
        if (first.Kind == TokenKind.Keyword)
        {
            statement = first.Word switch
            {
                "create" => ParseCreate(),
                "drop" => ParseDrop(),
                "use" => ParseUse(),
                "show" => ParseShow(),
                "desc" or "describe" => ParseDescribe(),
                "select" => ParseQueryStatement(),
                "insert" => ParseInsert(),
                "delete" => ParseDelete(),
                "alter" => ParseAlter(),
                _ => throw Fail(first),
            };
        }
        else if (first.Kind == TokenKind.LParen)
        {
            statement = ParseQueryStatement();
        }
        else
        {
            throw Fail(first);
        }
        if (!Is(TokenKind.End))
        {
            throw Fail(_cur);
        }
        return statement with { Sql = _sql };
    }

    // ------------------------------------------------------------------ names

    /// <summary>An identifier (plain or backquoted) limited to <paramref name="maxBytes"/> bytes, else 9751.</summary>
    private string ParseName(int maxBytes)
    {
        var t = _cur;
        if (t.Kind is not (TokenKind.Id or TokenKind.QuotedId))
        {
            throw Fail(t);
        }
        string name = t.Word!;
        CheckNameLength(t, name, maxBytes);
        Advance();
        return name;
    }

    private void CheckNameLength(Token t, string name, int maxBytes)
    {
        if (SqlErrors.Utf8Length(name) > maxBytes)
        {
            throw SqlErrors.InvalidIdentifier(_sql, t.Kind == TokenKind.QuotedId ? t.Start + 1 : t.Start);
        }
    }

    private TableName ParseTableName()
    {
        var first = _cur;
        if (first.Kind is not (TokenKind.Id or TokenKind.QuotedId))
        {
            throw Fail(first);
        }
        Advance();
        if (Is(TokenKind.Dot))
        {
            Advance();
            var second = _cur;
            if (second.Kind is not (TokenKind.Id or TokenKind.QuotedId))
            {
                throw Fail(second);
            }
            Advance();
            CheckNameLength(first, first.Word!, MaxDatabaseNameBytes);
            CheckNameLength(second, second.Word!, MaxTableNameBytes);
            return new TableName(first.Word, second.Word!);
        }
        CheckNameLength(first, first.Word!, MaxTableNameBytes);
        return new TableName(null, first.Word!);
    }

    // ------------------------------------------------------------------ CREATE / DROP / USE / SHOW / DESCRIBE

    private Statement ParseCreate()
    {
        Advance();
        if (TryKw("database"))
        {
            bool ifNotExists = ParseIfNotExists();
            string name = ParseName(MaxDatabaseNameBytes);
            return new CreateDatabaseStatement(name, ifNotExists, ParseDatabaseOptions());
        }
        if (TryKw("topic"))
        {
            return ParseCreateTopic();
        }
        if (TryKw("user"))
        {
            return ParseCreateUser();
        }
        if (TryKw("stable"))
        {
            bool ifNotExists = ParseIfNotExists();
            var name = ParseTableName();
            var columns = ParseColumnDefinitions();
            if (!IsKw("tags"))
            {
                throw Fail(_cur);
            }
            var tags = ParseTagDefinitions();
            ParseTableOptions();
            return new CreateStableStatement(name, ifNotExists, columns, tags);
        }
        if (TryKw("table"))
        {
            bool ifNotExists = ParseIfNotExists();
            var name = ParseTableName();
            if (Is(TokenKind.LParen))
            {
                var columns = ParseColumnDefinitions();
                if (IsKw("tags"))
                {
                    var tags = ParseTagDefinitions();
                    ParseTableOptions();
                    return new CreateStableStatement(name, ifNotExists, columns, tags);
                }
                ParseTableOptions();
                return new CreateNormalTableStatement(name, ifNotExists, columns);
            }
            if (!IsKw("using"))
            {
                throw Fail(_cur);
            }
            var clauses = new List<ChildTableClause> { ParseChildTableClause(name, ifNotExists) };
            while (Is(TokenKind.Id) || Is(TokenKind.QuotedId) || IsKw("if"))
            {
                bool more = ParseIfNotExists();
                var childName = ParseTableName();
                if (!IsKw("using"))
                {
                    throw Fail(_cur);
                }
                clauses.Add(ParseChildTableClause(childName, more));
            }
            return new CreateChildTablesStatement(clauses);
        }
        throw Fail(_cur);
    }

    private bool ParseIfNotExists()
    {
        if (!TryKw("if"))
        {
            return false;
        }
        ExpectKw("not");
        ExpectKw("exists");
        return true;
    }

    private bool ParseIfExists()
    {
        if (!TryKw("if"))
        {
            return false;
        }
        ExpectKw("exists");
        return true;
    }

    private static readonly HashSet<string> IntegerDatabaseOptions = new(StringComparer.Ordinal)
    {
        "buffer", "cachesize", "comp", "maxrows", "minrows", "pages", "pagesize", "tsdb_pagesize", "replica",
        "vgroups", "single_stable", "schemaless", "wal_level", "wal_fsync_period", "wal_roll_period",
        "wal_segment_size", "stt_trigger", "keep_time_offset", "s3_chunksize", "s3_compact", "with_arbitrator",
    };

    private List<DatabaseOption> ParseDatabaseOptions()
    {
        var options = new List<DatabaseOption>();
        while (Is(TokenKind.Keyword))
        {
            string name = _cur.Word!;
            var values = new List<string>();
            switch (name)
            {
                case "precision" or "cachemodel" or "encrypt_algorithm":
                    Advance();
                    values.Add(ParseStringContent());
                    break;
                case "keep":
                    Advance();
                    values.AddRange(ParseCommaList(() => ParseTokenText(TokenKind.Integer, TokenKind.Duration)));
                    break;
                case "duration" or "s3_keeplocal":
                    Advance();
                    values.Add(ParseTokenText(TokenKind.Integer, TokenKind.Duration));
                    break;
                case "wal_retention_period" or "wal_retention_size":
                    Advance();
                    values.Add(ParseSignedText(allowFloat: false, allowPlus: false));
                    break;
                case "table_prefix" or "table_suffix":
                    Advance();
                    values.Add(ParseSignedText(allowFloat: true, allowPlus: true));
                    break;
                case "retentions":
                    Advance();
                    values.AddRange(ParseCommaList(ParseRetention));
                    break;
                default:
                    if (!IntegerDatabaseOptions.Contains(name))
                    {
                        throw Fail(_cur);
                    }
                    Advance();
                    values.Add(ParseTokenText(TokenKind.Integer));
                    break;
            }
            options.Add(new DatabaseOption(name, values));
        }
        return options;
    }

    private string ParseStringContent()
    {
        var t = Expect(TokenKind.String);
        return Lexer.Unquote(_sql, t.Start, t.Length);
    }

    private string ParseTokenText(TokenKind kind, TokenKind alternative = TokenKind.Illegal)
    {
        var t = _cur;
        if (t.Kind != kind && (alternative == TokenKind.Illegal || t.Kind != alternative))
        {
            throw Fail(t);
        }
        Advance();
        return _sql.Substring(t.Start, t.Length);
    }

    private string ParseSignedText(bool allowFloat, bool allowPlus)
    {
        int start = _cur.Start;
        bool signed = Is(TokenKind.Minus) || (allowPlus && Is(TokenKind.Plus));
        if (signed)
        {
            Advance();
        }
        var t = _cur;
        if (t.Kind != TokenKind.Integer && !(allowFloat && t.Kind == TokenKind.Float))
        {
            throw Fail(t);
        }
        Advance();
        return signed ? _sql[start] + _sql.Substring(t.Start, t.Length) : _sql.Substring(t.Start, t.Length);
    }

    private string ParseRetention()
    {
        int start = _cur.Start;
        if (!TryTake(TokenKind.Minus))
        {
            Expect(TokenKind.Duration);
        }
        Expect(TokenKind.Colon);
        Expect(TokenKind.Duration);
        return TextFrom(start);
    }

    private List<ColumnDefinition> ParseColumnDefinitions()
    {
        Expect(TokenKind.LParen);
        var columns = ParseCommaList(ParseColumnDefinition);
        Expect(TokenKind.RParen);
        return columns;
    }

    private List<ColumnDefinition> ParseTagDefinitions()
    {
        ExpectKw("tags");
        return ParseColumnDefinitions();
    }

    private ColumnDefinition ParseColumnDefinition()
    {
        string name = ParseName(MaxColumnNameBytes);
        var type = ParseTypeName();
        bool primaryKey = false;
        string? encode = null, compress = null, level = null;
        while (true)
        {
            if (TryKw("primary"))
            {
                ExpectKw("key");
                primaryKey = true;
            }
            else if (TryKw("encode"))
            {
                encode = ParseStringContent();
            }
            else if (TryKw("compress"))
            {
                compress = ParseStringContent();
            }
            else if (TryKw("level"))
            {
                level = ParseStringContent();
            }
            else
            {
                break;
            }
        }
        return new ColumnDefinition(name, type, primaryKey, encode, compress, level);
    }

    private TypeSpec ParseTypeName()
    {
        var t = _cur;
        if (t.Kind != TokenKind.Keyword)
        {
            throw Fail(t);
        }
        TaosDataType type;
        switch (t.Word)
        {
            case "bool": type = TaosDataType.Bool; break;
            case "tinyint": type = TaosDataType.TinyInt; break;
            case "smallint": type = TaosDataType.SmallInt; break;
            case "int" or "integer": type = TaosDataType.Int; break;
            case "bigint": type = TaosDataType.BigInt; break;
            case "float": type = TaosDataType.Float; break;
            case "double": type = TaosDataType.Double; break;
            case "timestamp": type = TaosDataType.Timestamp; break;
            case "json": type = TaosDataType.Json; break;
            case "binary" or "varchar": type = TaosDataType.VarChar; break;
            case "nchar": type = TaosDataType.NChar; break;
            case "varbinary": type = TaosDataType.VarBinary; break;
            case "geometry": type = TaosDataType.Geometry; break;
            default: throw Fail(t);
        }
        Advance();
        if (TaosTypes.IsVariableLength(type))
        {
            Expect(TokenKind.LParen);
            var n = Expect(TokenKind.Integer);
            Expect(TokenKind.RParen);
            long length = ParseDigits(_sql.AsSpan(n.Start, n.Length));
            return new TypeSpec(type, (int)Math.Min(length, int.MaxValue));
        }
        if (type is TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int or TaosDataType.BigInt && TryKw("unsigned"))
        {
            type = type switch
            {
                TaosDataType.TinyInt => TaosDataType.UTinyInt,
                TaosDataType.SmallInt => TaosDataType.USmallInt,
                TaosDataType.Int => TaosDataType.UInt,
                _ => TaosDataType.UBigInt,
            };
        }
        return new TypeSpec(type, TaosTypes.FixedSize(type) ?? 0);
    }

    /// <summary>Table options (COMMENT, TTL, MAX_DELAY, WATERMARK, DELETE_MARK, ROLLUP, SMA): accepted and ignored.</summary>
    private void ParseTableOptions()
    {
        while (true)
        {
            if (TryKw("comment"))
            {
                Expect(TokenKind.String);
            }
            else if (TryKw("ttl"))
            {
                Expect(TokenKind.Integer);
            }
            else if (TryKw("max_delay") || TryKw("watermark") || TryKw("delete_mark"))
            {
                Expect(TokenKind.Duration);
                while (TryTake(TokenKind.Comma))
                {
                    Expect(TokenKind.Duration);
                }
            }
            else if (TryKw("rollup") || TryKw("sma"))
            {
                Expect(TokenKind.LParen);
                do
                {
                    if (Is(TokenKind.Id) || Is(TokenKind.QuotedId) || IsKw("first") || IsKw("last"))
                    {
                        Advance();
                    }
                    else
                    {
                        throw Fail(_cur);
                    }
                }
                while (TryTake(TokenKind.Comma));
                Expect(TokenKind.RParen);
            }
            else
            {
                return;
            }
        }
    }

    private ChildTableClause ParseChildTableClause(TableName name, bool ifNotExists)
    {
        ExpectKw("using");
        var stable = ParseTableName();
        List<string>? tagNames = null;
        if (TryTake(TokenKind.LParen))
        {
            tagNames = ParseCommaList(() => ParseName(MaxColumnNameBytes));
            Expect(TokenKind.RParen);
        }
        ExpectKw("tags");
        Expect(TokenKind.LParen);
        var values = ParseCommaList(ParseTagExpressionValue);
        var close = Expect(TokenKind.RParen);
        ParseTableOptions();
        return new ChildTableClause(name, ifNotExists, stable, tagNames, new ValueList(values, close.Start));
    }

    private Statement ParseDrop()
    {
        Advance();
        if (TryKw("database"))
        {
            bool ifExists = ParseIfExists();
            return new DropDatabaseStatement(ParseName(MaxDatabaseNameBytes), ifExists);
        }
        if (TryKw("stable"))
        {
            bool ifExists = ParseIfExists();
            return new DropStableStatement(ifExists, ParseTableName());
        }
        if (TryKw("table"))
        {
            bool ifExists = ParseIfExists();
            var names = new List<TableName> { ParseTableName() };
            while (TryTake(TokenKind.Comma))
            {
                // Each name may carry its own IF EXISTS; the statement keeps the first one's.
                ParseIfExists();
                names.Add(ParseTableName());
            }
            return new DropTableStatement(ifExists, names);
        }
        if (TryKw("topic"))
        {
            return ParseDropTopic();
        }
        if (TryKw("consumer"))
        {
            return ParseDropConsumerGroup();
        }
        if (TryKw("user"))
        {
            return new DropUserStatement(ParseName(MaxColumnNameBytes));
        }
        throw Fail(_cur);
    }

    private Statement ParseUse()
    {
        Advance();
        return new UseDatabaseStatement(ParseName(MaxDatabaseNameBytes));
    }

    private Statement ParseDescribe()
    {
        Advance();
        return new DescribeStatement(ParseTableName());
    }

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
        var tablesKind = ShowTablesKind.All;
        bool hasKind = false;
        if (IsKw("normal") || IsKw("child"))
        {
            tablesKind = IsKw("normal") ? ShowTablesKind.Normal : ShowTablesKind.Child;
            hasKind = true;
            Advance();
        }
        string? database = null;
        if ((Is(TokenKind.Id) || Is(TokenKind.QuotedId)) && Peek().Kind == TokenKind.Dot)
        {
            database = ParseName(MaxDatabaseNameBytes);
            Advance();
        }
        if (TryKw("tables"))
        {
            return new ShowTablesStatement(database, ParseLikePattern(), tablesKind);
        }
        if (!hasKind && TryKw("stables"))
        {
            return new ShowStablesStatement(database, ParseLikePattern());
        }
        if (!hasKind && database is not null && TryKw("vgroups"))
        {
            return new ShowStatement("vgroups", database);
        }
        if (!hasKind && database is null && ParseShowMore() is { } other)
        {
            return other;
        }
        throw Fail(_cur);
    }

    private string? ParseLikePattern() => TryKw("like") ? ParseStringContent() : null;
}
