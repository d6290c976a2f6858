using System.Buffers.Binary;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// The 24-byte header of a binary client message on <c>/ws</c> (little-endian): <c>req_id</c> u64, <c>id</c> u64
/// (the stmt id, or unused), <c>action</c> u64; the payload follows.
/// </summary>
internal readonly record struct WsBinaryHeader(ulong RequestId, ulong Id, ulong Action)
{
    /// <summary>Header bytes before the payload.</summary>
    public const int Size = 24;

    /// <summary>Binary action 1: tags as a one-row raw block.</summary>
    public const ulong SetTags = 1;

    /// <summary>Binary action 2: parameters as a raw block.</summary>
    public const ulong Bind = 2;

    /// <summary>Binary action 3: a TMQ meta message.</summary>
    public const ulong WriteRaw = 3;

    /// <summary>Binary action 4: a raw block written into a table.</summary>
    public const ulong WriteRawBlock = 4;

    /// <summary>Binary action 5: a raw block with its field names written into a table.</summary>
    public const ulong WriteRawBlockWithFields = 5;

    /// <summary>The header of <paramref name="message"/>; false when it is shorter than <see cref="Size"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out WsBinaryHeader header)
    {
        header = default;
        if (message.Length < Size)
        {
            return false;
        }
        header = new WsBinaryHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(message),
            BinaryPrimitives.ReadUInt64LittleEndian(message[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(message[16..]));
        return true;
    }
}
