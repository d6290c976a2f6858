using Taos.Server.Engine.Functions;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE INDEX and DROP INDEX (tag indexes), CREATE SMA INDEX.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// After <c>CREATE SMA INDEX</c>: <c>[IF NOT EXISTS] name ON [db.]t FUNCTION(f(args), …) INTERVAL(len [, offset])
    /// [SLIDING(step)]</c> then any of <c>WATERMARK d</c>, <c>MAX_DELAY d</c>, <c>DELETE_MARK d</c> (sql.y index_options).
    /// </summary>
    private Statement ParseCreateSmaIndex()
    {
        bool ifNotExists = ParseIfNotExists();
        string name = ParseName(MaxColumnNameBytes);
        ExpectKw("on");
        var table = ParseTableName();
        ExpectKw("function");
        var functions = ParseParenthesizedList(ParseSmaFunction);
        ExpectKw("interval");
        Expect(TokenKind.LParen);
        var interval = ParseDuration();
        Duration? offset = TryTake(TokenKind.Comma) ? ParseDuration() : null;
        Expect(TokenKind.RParen);
        Duration? sliding = TryKw("sliding") ? ParseParenthesized(ParseDuration) : null;
        while (TryKw("watermark") || TryKw("max_delay") || TryKw("delete_mark"))
        {
            ParseDuration();
        }
        return new CreateSmaIndexStatement(ifNotExists, name, table, functions, interval, offset, sliding);
    }

    /// <summary>One function of an SMA index: a function name (or COUNT, FIRST, LAST, LAST_ROW) and its argument expressions.</summary>
    private FunctionExpr ParseSmaFunction()
    {
        var t = _cur;
        bool named = t.Kind == TokenKind.Id || (t.Kind == TokenKind.Keyword && FunctionCatalog.Find(t.Word!) is not null);
        if (!named)
        {
            throw Fail(t);
        }
        Advance();
        var args = ParseParenthesizedList(ParseExpression);
        return new FunctionExpr(t.Word!, args) { Text = TextFrom(t.Start) };
    }

    /// <summary>After <c>CREATE INDEX</c>: <c>[IF NOT EXISTS] [db.]name ON [db.]t (col, …)</c>.</summary>
    private Statement ParseCreateIndex()
    {
        bool ifNotExists = ParseIfNotExists();
        var name = ParseTableName();
        ExpectKw("on");
        var table = ParseTableName();
        return new CreateIndexStatement(ifNotExists, name, table, ParseParenthesizedList(() => ParseName(MaxColumnNameBytes)));
    }

    /// <summary>After <c>SHOW INDEXES</c>: <c>FROM table [FROM db]</c> or <c>FROM db.table</c>.</summary>
    private Statement ParseShowIndexes()
    {
        ExpectKw("from");
        return new ShowIndexesStatement(ParseShowTableNameWithFromDb());
    }

    /// <summary>After <c>DROP INDEX</c>: <c>[IF EXISTS] [db.]name</c>.</summary>
    private Statement ParseDropIndex()
    {
        bool ifExists = ParseIfExists();
        return new DropIndexStatement(ifExists, ParseTableName());
    }
}
