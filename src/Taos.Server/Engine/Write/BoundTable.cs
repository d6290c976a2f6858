namespace Taos.Server.Engine.Write;

/// <summary>
/// Rows bound for one target table (by a stmt bind or a raw block), waiting for the write: schema-wide rows (values
/// in <see cref="BoundTarget.Columns"/>, null elsewhere) and, for a table its USING clause creates, the tag values.
/// </summary>
internal sealed class BoundTable(BoundTarget target)
{
    private readonly List<object?[]> _rows = [];

    /// <summary>The table written.</summary>
    public BoundTarget Target { get; } = target;

    /// <summary>Schema-wide tag values (null elsewhere) for creating the table; null when none were set.</summary>
    public object?[]? Tags { get; set; }

    /// <summary>The rows bound so far, in order.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Adds schema-wide rows already checked with <see cref="BoundValues"/>.</summary>
    public void Add(IEnumerable<object?[]> rows) => _rows.AddRange(rows);
}
