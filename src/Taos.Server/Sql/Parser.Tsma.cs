using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// CREATE [RECURSIVE] TSMA, DROP TSMA and SHOW [db.]TSMAS (sql.y of TDengine 3.3.0.1). <c>tsma</c>, <c>tsmas</c> and
/// <c>recursive</c> are read as words, so the names stay usable elsewhere.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>TSDB_TABLE_NAME_LEN - strlen("_tsma_res_stb_"): a TSMA name must be shorter (checkTsmaName).</summary>
    private const int TsmaNameTokenLimit = 193 - 14;

    /// <summary>0x3111 TSDB_CODE_TSMA_NAME_TOO_LONG.</summary>
    private const int TsmaNameTooLongCode = 12561;

    /// <summary>Whether the current token is the unquoted word <paramref name="word"/>.</summary>
    private bool IsWord(string word) => _cur.Kind == TokenKind.Id && _cur.Word == word;

    /// <summary>After <c>CREATE</c>: whether <c>TSMA</c> or <c>RECURSIVE TSMA</c> follows.</summary>
    private bool AtCreateTsma() => IsWord("tsma") || (IsWord("recursive") && Peek() is { Kind: TokenKind.Id, Word: "tsma" });

    /// <summary>
    /// After <c>CREATE</c>: <c>TSMA [IF NOT EXISTS] name ON [db.]table FUNCTION(f(args), …) INTERVAL(len)</c> or
    /// <c>RECURSIVE TSMA [IF NOT EXISTS] name ON [db.]base INTERVAL(len)</c>.
    /// </summary>
    private Statement ParseCreateTsma()
    {
        bool recursive = IsWord("recursive");
        if (recursive)
        {
            Advance();
        }
        Advance();
        bool ifNotExists = ParseIfNotExists();
        string name = ParseTsmaName();
        ExpectKw("on");
        var table = ParseTableName();
        List<FunctionExpr> functions = [];
        if (!recursive)
        {
            ExpectKw("function");
            functions = ParseParenthesizedList(ParseSmaFunction);
        }
        ExpectKw("interval");
        var interval = ParseParenthesized(ParseDuration);
        return new CreateTsmaStatement(ifNotExists, recursive, name, table, functions, interval);
    }

    /// <summary>After <c>DROP</c>: whether <c>TSMA</c> follows.</summary>
    private bool AtDropTsma() => IsWord("tsma");

    /// <summary>After <c>DROP</c>: <c>TSMA [IF EXISTS] [db.]name</c>.</summary>
    private Statement ParseDropTsma()
    {
        Advance();
        bool ifExists = ParseIfExists();
        return new DropTsmaStatement(ifExists, ParseTableName());
    }

    /// <summary>After <c>SHOW [db.]</c>: <c>TSMAS</c>, or null.</summary>
    private Statement? TryParseShowTsmas(string? database)
    {
        if (!IsWord("tsmas"))
        {
            return null;
        }
        Advance();
        return new ShowStatement("tsmas", database);
    }

    /// <summary>A TSMA name: TDengine refuses one of 179 bytes or more (0x3111).</summary>
    private string ParseTsmaName()
    {
        var t = _cur;
        if (IsIdentifier(t) && Utf8Text.ByteCount(t.Word!) >= TsmaNameTokenLimit)
        {
            throw new TaosServerException(TsmaNameTooLongCode, "Tsma name too long");
        }
        return ParseName(MaxTableNameBytes);
    }
}
