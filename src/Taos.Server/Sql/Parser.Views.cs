using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// The view statements [src sql.y <c>cmd ::= CREATE or_replace_opt VIEW full_view_name AS query_or_subquery</c>,
/// <c>DROP VIEW exists_opt full_view_name</c>, <c>SHOW db_name_cond_opt VIEWS like_pattern_opt</c>,
/// <c>SHOW CREATE VIEW full_table_name</c>].
/// </summary>
internal sealed partial class Parser
{
    /// <summary>After <c>CREATE [OR REPLACE] VIEW</c>: <c>[db.]name AS query</c>.</summary>
    private CreateViewStatement ParseCreateView(bool orReplace)
    {
        var name = ParseTableName();
        ExpectKw("as");
        int start = _cur.Start;
        var query = ParseQueryStatement();
        return new CreateViewStatement(name, orReplace, query, TextFrom(start));
    }

    /// <summary>After <c>CREATE OR</c>: <c>REPLACE VIEW …</c> (the only statement CREATE OR starts).</summary>
    private CreateViewStatement ParseCreateOrReplace()
    {
        ExpectKw("replace");
        ExpectKw("view");
        return ParseCreateView(orReplace: true);
    }

    /// <summary>After <c>DROP VIEW</c>: <c>[IF EXISTS] [db.]name</c>.</summary>
    private DropViewStatement ParseDropView()
    {
        bool ifExists = ParseIfExists();
        return new DropViewStatement(ParseTableName(), ifExists);
    }
}
