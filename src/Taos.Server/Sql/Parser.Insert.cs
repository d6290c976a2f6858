using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// INSERT … VALUES is not parsed by TDengine's grammar but by a hand-written scanner (parInsertSql.c) with its own
/// 534 <c>syntax error near '…' (reason)</c> messages; this part mirrors that scanner. The engine checks values
/// against the schema (counts, types), because only it knows the columns.
/// </summary>
internal sealed partial class Parser
{
    private Statement ParseInsert()
    {
        Advance(); // INSERT
        if (!IsInsertValuesStatement())
        {
            return ParseInsertFromQuery();
        }
        if (!TryKw("into"))
        {
            throw InsertError(_cur, "keyword INTO is expected");
        }
        var clauses = new List<InsertClause>();
        while (!Is(TokenKind.End))
        {
            clauses.Add(ParseInsertClause());
        }
        if (clauses.Count == 0)
        {
            throw SqlErrors.InsertInvalidOperation("no data in sql");
        }
        return new InsertStatement(clauses);
    }

    /// <summary>
    /// TDengine takes the INSERT scanner only when USING, VALUES or FILE comes before any SELECT
    /// (parInsertSql.c <c>qIsInsertValuesSql</c>); everything else goes through the grammar.
    /// </summary>
    private bool IsInsertValuesStatement()
    {
        var scan = new Lexer(_sql);
        for (var t = scan.Next(); t.Kind != TokenKind.End && t.Kind != TokenKind.Illegal; t = scan.Next())
        {
            if (t.Start < _cur.Start)
            {
                continue;
            }
            if (t.IsKeyword("using") || t.IsKeyword("values") || t.IsKeyword("file"))
            {
                return true;
            }
            if (t.IsKeyword("select"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary><c>INSERT INTO t [(cols)] query</c>, which TDengine parses with its grammar.</summary>
    private Statement ParseInsertFromQuery()
    {
        ExpectKw("into");
        var table = ParseTableName();
        var columns = ParseOptionalColumnNames();
        return new InsertSelectStatement(table, columns, ParseEmbeddedQuery());
    }

    private TaosServerException InsertError(Token at, string reason) =>
        at.Kind == TokenKind.End ? SqlErrors.InsertSyntaxNoSource(reason) : SqlErrors.InsertSyntax(_sql, at.Start, reason);

    /// <summary><c>[db.]t [(cols)] [USING …] [(cols)] VALUES (…) …</c>.</summary>
    private InsertClause ParseInsertClause()
    {
        var table = ParseInsertTableName();
        IReadOnlyList<NameAt>? columns = null;
        if (Is(TokenKind.LParen))
        {
            columns = ParseInsertColumnNames();
        }
        InsertUsing? usingClause = null;
        if (TryKw("using"))
        {
            usingClause = ParseInsertUsing();
            if (columns is null && Is(TokenKind.LParen))
            {
                columns = ParseInsertColumnNames();
            }
        }
        if (IsKw("file") && Peek().Kind == TokenKind.String)
        {
            // taosAdapter runs in proxy mode: it refuses CSV import before TDengine sees it.
            throw new TaosServerException(ServerErrorCode.CsvLoadingUnsupported, "proxy mode does not support csv loading");
        }
        if (!IsKw("values"))
        {
            throw InsertError(_cur, "keyword VALUES or FILE is expected");
        }
        Advance();
        var rows = new List<ValueList>();
        while (Is(TokenKind.LParen))
        {
            rows.Add(ParseInsertRow());
            TryTake(TokenKind.Comma);
        }
        if (rows.Count == 0)
        {
            throw SqlErrors.InsertSyntaxNoSource("no any data points");
        }
        return new InsertClause(table, usingClause, columns, rows);
    }

    /// <summary>After USING: <c>[db.]s [(tag, …)] TAGS (v, …) [TTL n] [COMMENT 'c']</c>.</summary>
    private InsertUsing ParseInsertUsing()
    {
        var stable = ParseInsertTableName();
        List<string>? tagNames = null;
        if (Is(TokenKind.LParen))
        {
            tagNames = ParseInsertColumnNames().Select(n => n.Name).ToList();
        }
        if (!TryKw("tags"))
        {
            throw InsertError(_cur, "TAGS is expected");
        }
        if (!Is(TokenKind.LParen))
        {
            throw InsertError(_cur, "( is expected");
        }
        var tagValues = ParseInsertTagValues();
        SkipInsertTableOptions();
        return new InsertUsing(stable, tagNames, tagValues);
    }

    /// <summary>The TTL and COMMENT options the INSERT scanner accepts after the tag values, checked and dropped.</summary>
    private void SkipInsertTableOptions()
    {
        while (true)
        {
            if (TryKw("ttl"))
            {
                if (!TryTake(TokenKind.Integer))
                {
                    throw InsertError(_cur, "Invalid option ttl");
                }
            }
            else if (TryKw("comment"))
            {
                if (!TryTake(TokenKind.String))
                {
                    throw InsertError(_cur, "Invalid option comment");
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// <c>[db.]name</c> where the dot must touch both parts (the INSERT scanner glues <c>db.tb</c> into one token);
    /// names may also be quoted strings.
    /// </summary>
    private TableName ParseInsertTableName()
    {
        var first = _cur;
        if (first.Kind == TokenKind.Question)
        {
            // insert into ? using … (prepared statements name the table at bind time)
            Advance();
            return new TableName(null, "?");
        }
        if (first.Kind is not (TokenKind.Id or TokenKind.QuotedId or TokenKind.String))
        {
            throw InsertError(first, "table_name is expected");
        }
        Advance();
        if (Is(TokenKind.Dot) && _cur.Start == first.End)
        {
            var dot = _cur;
            var second = Peek();
            if (second.Start != dot.End || second.Kind is not (TokenKind.Id or TokenKind.QuotedId or TokenKind.String))
            {
                throw SqlErrors.InsertSyntaxNoSource("invalid table name");
            }
            Advance();
            Advance();
            return new TableName(InsertName(first, MaxDatabaseNameBytes), InsertName(second, MaxTableNameBytes));
        }
        return new TableName(null, InsertName(first, MaxTableNameBytes));
    }

    /// <summary>A name as the INSERT scanner reads it (a quoted string is a name too); too long is 512 <c>name too long</c>.</summary>
    private string InsertName(Token t, int maxBytes)
    {
        string name = t.Kind == TokenKind.String ? Lexer.Unquote(_sql, t.Start, t.Length) : t.Word!;
        if (Utf8Text.ByteCount(name) > maxBytes)
        {
            throw SqlErrors.InsertInvalidOperation("name too long");
        }
        return name;
    }

    /// <summary><c>(name, …)</c>; the INSERT scanner skips single commas, so they are optional.</summary>
    private List<NameAt> ParseInsertColumnNames()
    {
        Advance(); // (
        var names = new List<NameAt>();
        while (!TryTake(TokenKind.RParen))
        {
            var t = _cur;
            switch (t.Kind)
            {
                case TokenKind.Id or TokenKind.Keyword or TokenKind.Alias:
                    names.Add(new NameAt(t.Word!, t.Start));
                    break;
                case TokenKind.QuotedId:
                    names.Add(new NameAt(t.Word!, t.Start + 1));
                    break;
                case TokenKind.String:
                    names.Add(new NameAt(Lexer.Unquote(_sql, t.Start, t.Length), t.Start + 1));
                    break;
                case TokenKind.End:
                    throw SqlErrors.InsertSyntaxNoSource(") expected");
                default:
                    // TDengine looks any token up as a column name; the engine reports the unknown ones (9730).
                    names.Add(new NameAt(_sql.Substring(t.Start, Math.Max(t.Length, 1)), t.Start));
                    break;
            }
            Advance();
            TryTake(TokenKind.Comma);
        }
        return names;
    }

    /// <summary>INSERT … TAGS (v, …): values separated by commas, which the scanner also lets one leave out.</summary>
    private ValueList ParseInsertTagValues() => ParseInsertValueList(commasOptional: true);

    /// <summary>INSERT … VALUES (v, …): one row, commas required.</summary>
    private ValueList ParseInsertRow() => ParseInsertValueList(commasOptional: false);

    private ValueList ParseInsertValueList(bool commasOptional)
    {
        Advance(); // (
        var values = new List<InsertValue>();
        while (true)
        {
            values.Add(ParseInsertValue());
            if (commasOptional)
            {
                TryTake(TokenKind.Comma);
            }
            if (Is(TokenKind.RParen))
            {
                var close = _cur;
                Advance();
                return new ValueList(values, close.Start);
            }
            if (!commasOptional && !TryTake(TokenKind.Comma))
            {
                throw InsertError(_cur, ", expected");
            }
        }
    }
}
