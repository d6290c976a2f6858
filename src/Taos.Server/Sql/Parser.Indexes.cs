using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE INDEX and DROP INDEX (tag indexes).</summary>
internal sealed partial class Parser
{
    /// <summary>After <c>CREATE INDEX</c>: <c>[IF NOT EXISTS] [db.]name ON [db.]t (col, …)</c>.</summary>
    private Statement ParseCreateIndex()
    {
        bool ifNotExists = ParseIfNotExists();
        var name = ParseTableName();
        ExpectKw("on");
        var table = ParseTableName();
        return new CreateIndexStatement(ifNotExists, name, table, ParseParenthesizedList(() => ParseName(MaxColumnNameBytes)));
    }

    /// <summary>After <c>DROP INDEX</c>: <c>[IF EXISTS] [db.]name</c>.</summary>
    private Statement ParseDropIndex()
    {
        bool ifExists = ParseIfExists();
        return new DropIndexStatement(ifExists, ParseTableName());
    }
}
