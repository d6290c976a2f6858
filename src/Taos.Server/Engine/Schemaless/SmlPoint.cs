namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// One tag or field of a schemaless point: its TDengine type, its value typed like a result value (see
/// <see cref="RowSetResult"/>) and, for VARCHAR/NCHAR/VARBINARY, its length in bytes (what the column must hold).
/// </summary>
internal readonly record struct SmlKv(string Key, TaosDataType Type, object Value, int Length);

/// <summary>
/// A point's timestamp as written: <see cref="Value"/> in <see cref="Unit"/>; <see cref="IsNow"/> when the point has
/// none (or 0), which means the time of the write.
/// </summary>
internal readonly record struct SmlTimestamp(long Value, SmlTimeUnit Unit)
{
    public bool IsNow => Value == 0;
}

/// <summary>One parsed line (or JSON object): the super table it goes to, its tags, its fields and its timestamp.</summary>
internal sealed record SmlPoint(string Measurement, IReadOnlyList<SmlKv> Tags, IReadOnlyList<SmlKv> Fields, SmlTimestamp Timestamp)
{
    /// <summary>
    /// The text the measurement and tags were read from, as written (line protocol only; null otherwise): points
    /// with the same series text have the same measurement, tags and derived child table name, and share one
    /// <see cref="Tags"/> list within a request.
    /// </summary>
    public string? Series { get; init; }
}

/// <summary>A series of the line protocol: its text as written (and its UTF-8 bytes), the measurement and the tags read from it.</summary>
internal sealed record SmlSeries(string Key, byte[] Raw, string Measurement, IReadOnlyList<SmlKv> Tags);
