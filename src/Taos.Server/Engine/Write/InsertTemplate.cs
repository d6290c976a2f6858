using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>
/// A prepared INSERT (parameter binding): one clause whose table may be <c>?</c> (named later by
/// <c>set_table_name</c>), whose USING tags and VALUES are all <c>?</c> placeholders, bound row by row.
/// </summary>
internal sealed class InsertTemplate
{
    private InsertTemplate(InsertClause clause)
    {
        Clause = clause;
        TagParameters = clause.Using?.TagValues.Values.Count ?? 0;
        ColumnParameters = clause.Rows[0].Values.Count;
    }

    /// <summary>The clause as parsed (its table name is <c>?</c> when bound later).</summary>
    public InsertClause Clause { get; }

    /// <summary>True when the table is named by <c>set_table_name</c>.</summary>
    public bool TableIsParameter => Clause.Table.Name == "?" && Clause.Table.Database is null;

    /// <summary>How many tag placeholders the USING clause has (0 without USING).</summary>
    public int TagParameters { get; }

    /// <summary>How many value placeholders the VALUES row has.</summary>
    public int ColumnParameters { get; }

    /// <summary>Every placeholder: tags, then values (plus the table name when it is one).</summary>
    public int Parameters => TagParameters + ColumnParameters + (TableIsParameter ? 1 : 0);

    /// <summary>
    /// The template of <paramref name="statement"/>; 554 when it has more than one clause or row, or a value that is
    /// not a placeholder (this server binds every value).
    /// </summary>
    public static InsertTemplate From(InsertStatement statement)
    {
        if (statement.Clauses.Count != 1 || statement.Clauses[0].Rows.Count != 1)
            throw UsageError("a prepared INSERT names one table and one row of ? placeholders");
        var clause = statement.Clauses[0];
        bool allPlaceholders = clause.Rows[0].Values.All(IsPlaceholder) && (clause.Using?.TagValues.Values.All(IsPlaceholder) ?? true);
        if (!allPlaceholders)
            throw UsageError("a prepared INSERT takes ? placeholders for every value and tag");
        return new InsertTemplate(clause);
    }

    private static bool IsPlaceholder(InsertValue value) => value.Kind == InsertValueKind.Placeholder;

    /// <summary>554 <c>Stmt API usage error</c> (what TDengine answers for a stmt call out of order), with the reason.</summary>
    public static TaosServerException UsageError(string reason) =>
        new(ServerErrorCode.StmtApiUsageError, "Stmt API usage error: " + reason);
}
