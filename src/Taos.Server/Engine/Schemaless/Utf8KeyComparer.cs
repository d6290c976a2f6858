namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// Compares UTF-8 byte strings by content, and looks them up by a span (<see cref="IAlternateEqualityComparer{TAlternate, T}"/>),
/// so a parser finds what it read before without allocating a key for the lookup.
/// </summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    /// <summary>The one instance.</summary>
    public static readonly Utf8KeyComparer Instance = new();

    private Utf8KeyComparer()
    {
    }

    /// <inheritdoc/>
    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    /// <inheritdoc/>
    public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

    /// <inheritdoc/>
    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
