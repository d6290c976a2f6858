using System.Security.Cryptography;

namespace Taos.Transport;

/// <summary>Request ids (<c>req_id</c>) for statements whose command names none.</summary>
internal static class RequestIds
{
    /// <summary>A new id: random high half, clock low half, so ids from many clients rarely collide.</summary>
    public static long Next() => RandomNumberGenerator.GetInt32(1, int.MaxValue) * 0x1_0000_0000L + Environment.TickCount;
}
