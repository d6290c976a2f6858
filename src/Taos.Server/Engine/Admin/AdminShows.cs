using Taos.Server.Engine.Catalog;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// The SHOW forms of administration: SHOW CLUSTER ALIVE and SHOW [db.]ALIVE (one INT column <c>status</c>: 1, every
/// vgroup has its leader), SHOW GRANTS FULL / LOGS, SHOW CLUSTER MACHINES, SHOW USER PRIVILEGES and SHOW COMPACT n as
/// projections of their system tables, and SHOW
/// SCORES, which TDengine 3.3.0.1 fails (TSDB_CODE_FAILED).
/// </summary>
internal sealed class AdminShows(ICatalogReader catalog)
{
    /// <summary>SHOW_STATUS_AVAILABLE: every vgroup has a leader (2 would be some, 0 none).</summary>
    private const int Available = 1;

    private static readonly IReadOnlyList<ResultColumn> AliveColumns = [new("status", TaosDataType.Int, 4)];

    /// <summary>
    /// SHOW CLUSTER ALIVE and SHOW [db.]ALIVE, as TDengine's client computes them from ins_vgroups (execShowAliveStatus):
    /// available when every vgroup (of the database named or current, else of all) has a leader, which dnode 1 is
    /// for every vgroup; a named database must exist (SHOW CREATE DATABASE's 0x0388).
    /// </summary>
    public RowSetResult Alive(ShowAliveStatement s, SqlSession session)
    {
        string? database = s.Cluster ? null : s.Database ?? session.Database;
        if (database is not null && catalog.FindDatabase(database) is null) throw CatalogResolver.DatabaseNotExist();
        return new RowSetResult(AliveColumns, [[Available]], TaosPrecision.Milliseconds);
    }

    /// <summary>The system tables behind SHOW GRANTS FULL / LOGS, SHOW CLUSTER MACHINES and SHOW USER PRIVILEGES.</summary>
    private static readonly Dictionary<string, string> Tables = new(StringComparer.Ordinal)
    {
        ["grants full"] = "ins_grants_full",
        ["grants logs"] = "ins_grants_logs",
        ["cluster machines"] = "ins_machines",
        ["user privileges"] = "ins_user_privileges",
        ["encryptions"] = "ins_encryptions",
    };

    /// <summary>Whether <paramref name="show"/> is one of the SHOW forms <see cref="Table"/> answers.</summary>
    public static bool IsTableShow(ShowStatement show) => Tables.ContainsKey(show.What);

    /// <summary>The SELECT that answers <paramref name="show"/> (one <see cref="IsTableShow"/> accepts): all of its table.</summary>
    public static SelectStatement Table(ShowStatement show) =>
        (SelectStatement)SqlParser.Parse("select * from information_schema." + Tables[show.What]);

    /// <summary>The SELECT that answers SHOW COMPACT n: that compaction's rows of ins_compact_details.</summary>
    public static SelectStatement Compact(ShowCompactStatement show) =>
        (SelectStatement)SqlParser.Parse("select * from information_schema.ins_compact_details where compact_id = "
            + show.CompactId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>SHOW SCORES: TDengine 3.3.0.1 has the statement but answers it with TSDB_CODE_FAILED.</summary>
    public static StatementResult Scores() => throw AdminErrors.Failed();
}
