using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>DELETE FROM.</summary>
internal sealed partial class Parser
{
    /// <summary><c>DELETE FROM [db.]t [WHERE cond]</c>.</summary>
    private Statement ParseDelete()
    {
        Advance();
        ExpectKw("from");
        var table = ParseTableName();
        return new DeleteStatement(table, TryKw("where") ? ParseCondition() : null);
    }
}
