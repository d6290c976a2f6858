namespace Taos;

/// <summary>The answer to <see cref="RestClient.Sql"/>: column descriptions and all rows as .NET values.</summary>
public sealed class TaosRestResult
{
    internal TaosRestResult(IReadOnlyList<TaosDbColumn> columnMeta, IReadOnlyList<object?[]> data, long? affectedRows)
    {
        ColumnMeta = columnMeta;
        Data = data;
        AffectedRows = affectedRows;
    }

    /// <summary>The result's columns (<c>column_meta</c>). Empty for DDL and INSERT.</summary>
    public IReadOnlyList<TaosDbColumn> ColumnMeta { get; }

    /// <summary>
    /// The rows; each value is typed as <see cref="TaosDataReader.GetValue"/> returns it, and null for SQL NULL.
    /// Empty for DDL and INSERT.
    /// </summary>
    public IReadOnlyList<object?[]> Data { get; }

    /// <summary>The number of rows in <see cref="Data"/>.</summary>
    public int Rows => Data.Count;

    /// <summary>For DDL and INSERT, the affected rows (<c>affected_rows</c>: rows written, 0 for DDL); null for a query.</summary>
    public long? AffectedRows { get; }
}
