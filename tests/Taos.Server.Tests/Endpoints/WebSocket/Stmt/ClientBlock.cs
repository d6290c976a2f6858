using System.Buffers.Binary;
using Taos.Protocol.RawBlock;

namespace Taos.Server.Tests.Endpoints.WebSocket.Stmt;

/// <summary>
/// Raw blocks as clients build them for binds (driver-go <c>SerializeRawBlock</c>): flag 0, <c>bytes</c> 0 for
/// variable columns, the exact length with no trailing byte.
/// </summary>
internal static class ClientBlock
{
    public static byte[] Build(TaosDataType[] types, params object?[][] rows)
    {
        var columns = types.Select(t => new RawBlockColumn(t, RawBlockLayout.IsVariable(t) ? 0 : RawBlockLayout.FixedSize(t))).ToArray();
        var block = RawBlockWriter.Write(columns, rows);
        bool trailing = !types.Contains(TaosDataType.Json);
        if (trailing)
        {
            Array.Resize(ref block, block.Length - 1);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(RawBlockLayout.LengthOffset), block.Length);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(RawBlockLayout.FlagOffset), 0);
        return block;
    }
}
