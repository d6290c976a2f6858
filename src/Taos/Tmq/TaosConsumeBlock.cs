using System.Data;
using System.Diagnostics.CodeAnalysis;
using Taos.Protocol.RawBlock;
using Taos.Transport;

namespace Taos.Tmq;

/// <summary>
/// One block of a consumed message: the rows of one child table (of a super-table or database topic) or a part of a
/// query topic's rows, readable with a <see cref="TaosDataReader"/> or mapped to objects.
/// </summary>
public sealed class TaosConsumeBlock
{
    internal TaosConsumeBlock(string tableName, TaosColumnMeta[] columns, RawBlockView block)
    {
        TableName = tableName;
        Columns = columns;
        Block = block;
    }

    /// <summary>
    /// The child table the rows belong to; empty for a query topic (<c>AS SELECT</c>) or when the consumer was
    /// created with <c>msg.with.table.name</c> false.
    /// </summary>
    public string TableName { get; }

    /// <summary>The block's row count.</summary>
    public int RowCount => Block.Rows;

    /// <summary>The block's column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];

    internal TaosColumnMeta[] Columns { get; }

    internal RawBlockView Block { get; }

    /// <summary>A reader over the block's rows (typed getters as for a query's result; timestamps in UTC).</summary>
    public TaosDataReader GetReader() => TaosConsumeResult.Reader(Columns, [Block]);

    /// <summary>
    /// The block's rows as new <typeparamref name="T"/> objects: each writable public property takes the column of its
    /// name (case and underscores ignored); a <c>string</c> property named <c>TableName</c> or <c>tbname</c> without
    /// such a column takes <see cref="TableName"/>. NULL leaves the property's default.
    /// </summary>
    /// <exception cref="InvalidCastException">A column's values do not convert to its property's type.</exception>
    public IReadOnlyList<T> ToList<[DynamicallyAccessedMembers(TmqRowMapper.Members)] T>() where T : new()
    {
        var list = new List<T>(RowCount);
        TmqRowMapper.Append(this, list);
        return list;
    }

    internal bool SameColumns(TaosConsumeBlock other) =>
        Columns.Length == other.Columns.Length && Columns.Zip(other.Columns).All(p => p.First.Name == p.Second.Name && p.First.Type == p.Second.Type);
}
