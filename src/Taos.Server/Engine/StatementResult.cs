namespace Taos.Server.Engine;

/// <summary>One column of a result as <c>column_meta</c> lists it.</summary>
internal sealed record ResultColumn(string Name, TaosDataType Type, int Length);

/// <summary>What executing one statement produced.</summary>
internal abstract record StatementResult;

/// <summary>DDL and INSERT: the <c>affected_rows</c> answer.</summary>
internal sealed record AffectedRowsResult(int AffectedRows) : StatementResult;

/// <summary>
/// A query result. <see cref="Rows"/> may be lazy (streamed from storage while the answer is written) and
/// must then be enumerated once and disposed. Values per column type:
/// TIMESTAMP <see cref="long"/> epoch ticks in <see cref="Precision"/>; BOOL <see cref="bool"/>;
/// TINYINT..BIGINT <see cref="sbyte"/>/<see cref="short"/>/<see cref="int"/>/<see cref="long"/>;
/// unsigned <see cref="byte"/>/<see cref="ushort"/>/<see cref="uint"/>/<see cref="ulong"/>;
/// FLOAT <see cref="float"/>; DOUBLE <see cref="double"/>; VARCHAR/NCHAR <see cref="string"/>;
/// VARBINARY/GEOMETRY <see cref="byte"/>[]; JSON a <see cref="string"/> holding JSON text written as is;
/// NULL <c>null</c>.
/// </summary>
internal sealed record RowSetResult(IReadOnlyList<ResultColumn> Columns, IEnumerable<object?[]> Rows, TaosPrecision Precision) : StatementResult
{
    /// <summary>
    /// The rows come out of an ORDER BY: TDengine's sort and merge operators hand them on in 1024-row blocks where
    /// its plain scans fill 4096 (what a WebSocket <c>fetch</c> reproduces).
    /// </summary>
    public bool Sorted { get; init; }

    /// <summary>
    /// The same rows as <see cref="Rows"/> as typed column batches, when the plan hands them on without boxing (a
    /// plain projection of bare columns over a table scan); else null. Lazy like <see cref="Rows"/>: a consumer
    /// enumerates either this or <see cref="Rows"/>, once, and disposes what it enumerated.
    /// </summary>
    public IEnumerable<ResultBatch>? Batches { get; init; }
}
