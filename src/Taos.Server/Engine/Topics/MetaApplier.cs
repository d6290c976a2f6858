using System.Globalization;
using System.Text;
using Taos.Protocol;
using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Applies raw table metadata (binary <c>write_raw</c> of a meta type) to the session's database as TDengine
/// 3.3.0.1's client does (clientRawBlockWrite.c <c>taosCreateStb</c>, <c>taosCreateTable</c>, <c>taosAlterTable</c>,
/// <c>taosDropStb</c>, <c>taosDropTable</c>, <c>taosDeleteData</c>): a super table is created, or brought to the
/// schema the request carries (every vgroup sends its copy, so applying twice changes nothing); tables are created if
/// they do not exist (a child whose super table does not exist is skipped); what is to be altered, dropped or deleted
/// and does not exist is no error. Each request runs as SQL statements of this engine, each one atomic.
/// </summary>
internal sealed class MetaApplier(SqlEngine engine)
{
    /// <summary>Applies <paramref name="batch"/> (nothing for an empty one); 9750 (database not specified) without a current database.</summary>
    public void Apply(MetaBatch batch, SqlSession session)
    {
        string db = session.Database ?? throw new TaosServerException(ServerErrorCode.DatabaseNotSpecified, "Database not specified");
        if (batch.Events.Count == 0) return;
        var e = batch.First;
        switch (batch.Kind)
        {
            case MetaKind.CreateStable or MetaKind.AlterStable:
                Stable(db, e, session);
                break;
            case MetaKind.CreateTable:
                CreateTables(db, batch.Events, session);
                break;
            case MetaKind.AlterTable:
                if (engine.Catalog.FindTable(db, e.Table) is not null) Run(AlterTableSql(e), session);
                break;
            case MetaKind.DropTable:
                Run("drop table if exists " + string.Join(", ", batch.Events.Select(d => Quote(d.Table))), session);
                break;
            case MetaKind.DropStable:
                Run("drop stable if exists " + Quote(e.Table), session);
                break;
            default:
                if (engine.Catalog.FindTable(db, e.Table) is not null) Run(MetaJson.DeleteSql(e), session);
                break;
        }
    }

    private void Run(string sql, SqlSession session) => engine.Execute(sql, session);

    private void Stable(string db, MetaEvent e, SqlSession session)
    {
        if (engine.Catalog.FindTable(db, e.Table) is not { } current)
        {
            Run($"create stable if not exists {Quote(e.Table)} ({Definitions(e.Columns)}) tags ({Definitions(e.Tags)})", session);
            return;
        }
        bool renamed = e.AlterType is MetaJson.UpdateColumnName or MetaJson.UpdateTagName;
        if (renamed && e.NewName is { } to && Has(current, e.ColumnName!) && !Has(current, to))
        {
            string what = e.AlterType == MetaJson.UpdateTagName ? "tag" : "column";
            Run($"alter stable {Quote(e.Table)} rename {what} {Quote(e.ColumnName!)} {Quote(to)}", session);
            current = engine.Catalog.FindTable(db, e.Table)!;
        }
        Reconcile(e.Table, "column", current.Columns, e.Columns, session);
        Reconcile(e.Table, "tag", current.Tags, e.Tags, session);
    }

    /// <summary>Adds, drops and widens columns or tags until <paramref name="current"/> has <paramref name="target"/>'s.</summary>
    private void Reconcile(string table, string what, IReadOnlyList<ColumnInfo> current, IReadOnlyList<MetaColumn> target, SqlSession session)
    {
        foreach (var gone in current.Where(c => target.All(t => t.Name != c.Name)))
            Run($"alter stable {Quote(table)} drop {what} {Quote(gone.Name)}", session);
        foreach (var wanted in target)
        {
            var have = current.FirstOrDefault(c => c.Name == wanted.Name);
            if (have is null) Run($"alter stable {Quote(table)} add {what} {Definition(wanted)}", session);
            else if (have.Length < wanted.Length && TaosTypes.IsVariableLength(wanted.Type)) Run($"alter stable {Quote(table)} modify {what} {Definition(wanted)}", session);
        }
    }

    private void CreateTables(string db, IReadOnlyList<MetaEvent> events, SqlSession session)
    {
        var clauses = new List<string>();
        foreach (var e in events)
        {
            if (e.Normal)
            {
                clauses.Add($"if not exists {Quote(e.Table)} ({Definitions(e.Columns)})");
            }
            else if (engine.Catalog.FindTable(db, e.SuperTable ?? "") is { Kind: TableKind.Super } super)
            {
                var values = e.Tags.Select((t, i) => Literal(e.TagValues[i], super.Tags.FirstOrDefault(s => s.Name == t.Name)?.Type ?? t.Type));
                clauses.Add($"if not exists {Quote(e.Table)} using {Quote(super.Name)} ({string.Join(", ", e.Tags.Select(t => Quote(t.Name)))}) tags ({string.Join(", ", values)})");
            }
        }
        if (clauses.Count == 0) return;
        if (events[0].Normal) clauses.ForEach(c => Run("create table " + c, session));
        else Run("create table " + string.Join(" ", clauses), session);
    }

    private static string AlterTableSql(MetaEvent e) => e.AlterType switch
    {
        MetaJson.AddColumn => $"alter table {Quote(e.Table)} add column {Definition(e.Column!)}",
        MetaJson.DropColumn => $"alter table {Quote(e.Table)} drop column {Quote(e.ColumnName!)}",
        MetaJson.UpdateColumnBytes => $"alter table {Quote(e.Table)} modify column {Definition(e.Column!)}",
        MetaJson.UpdateColumnName => $"alter table {Quote(e.Table)} rename column {Quote(e.ColumnName!)} {Quote(e.NewName!)}",
        _ => $"alter table {Quote(e.Table)} set tag {Quote(e.ColumnName!)} = {Literal(e.TagValue, e.Column!.Type)}",
    };

    private static bool Has(TableInfo table, string name) => table.Columns.Any(c => c.Name == name) || table.Tags.Any(t => t.Name == name);

    private static string Definitions(IReadOnlyList<MetaColumn> columns) => string.Join(", ", columns.Select(Definition));

    private static string Definition(MetaColumn c) =>
        Quote(c.Name) + " " + TaosTypes.Name(c.Type) + (TaosTypes.IsVariableLength(c.Type) ? "(" + c.Length.ToString(CultureInfo.InvariantCulture) + ")" : "");

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>A tag value as an SQL literal of its type.</summary>
    private static string Literal(string? text, TaosDataType type) => text is null ? "null" : type switch
    {
        TaosDataType.VarBinary => "'\\x" + text + "'",
        TaosDataType.Geometry => String(WkbText.Write(Convert.FromHexString(text))),
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json => String(text),
        _ => text,
    };

    private static string String(string text)
    {
        var literal = new StringBuilder("'");
        foreach (char c in text) literal.Append(c is '\'' or '\\' ? "\\" + c : c.ToString());
        return literal.Append('\'').ToString();
    }
}
