using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace Taos;

/// <summary>
/// The table a <c>SELECT … FROM [db.]table …</c> reads, taken from its text (REST tells a result's columns, not their
/// table), for <see cref="TaosCommandBuilder"/>. A SELECT of several tables, a join or a subquery names none.
/// </summary>
internal static partial class SelectSource
{
    [GeneratedRegex(@"^\s*select\s.+?\sfrom\s+(?:(?<db>`(?:[^`]|``)+`|\w+)\s*\.\s*)?(?<table>`(?:[^`]|``)+`|\w+)\s*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SelectFrom();

    [GeneratedRegex(@"^\w+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    [GeneratedRegex(@"^(?:,|\(|\)|join\b|\w+\s*(?:,|join\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreTables();

    /// <summary>
    /// <paramref name="schema"/> with <c>BaseTableName</c> (and <c>BaseSchemaName</c> for <c>db.table</c>) set from
    /// <paramref name="sql"/>, and columns that are plain names writable; unchanged when the text names no single table.
    /// </summary>
    public static DataTable Describe(DataTable schema, string sql)
    {
        var match = SelectFrom().Match(sql);
        if (!match.Success || MoreTables().IsMatch(match.Groups["rest"].Value)) return schema;
        var described = schema.Copy();
        described.Columns.Add(SchemaTableColumn.BaseTableName, typeof(string));
        described.Columns.Add(SchemaTableColumn.BaseSchemaName, typeof(string));
        string? database = match.Groups["db"].Success ? Unquote(match.Groups["db"].Value) : null;
        string table = Unquote(match.Groups["table"].Value);
        foreach (DataRow row in described.Rows)
        {
            bool plain = PlainName().IsMatch((string)row[SchemaTableColumn.ColumnName]);
            row[SchemaTableColumn.BaseTableName] = table;
            row[SchemaTableColumn.BaseSchemaName] = (object?)database ?? DBNull.Value;
            row[SchemaTableOptionalColumn.IsReadOnly] = !plain;
            row[SchemaTableColumn.IsExpression] = !plain;
        }
        return described;
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '`' ? name[1..^1].Replace("``", "`", StringComparison.Ordinal) : name;
}
