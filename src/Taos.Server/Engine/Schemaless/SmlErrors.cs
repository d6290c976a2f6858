namespace Taos.Server.Engine.Schemaless;

/// <summary>
/// TDengine's schemaless errors. Parse errors carry clientSml's message buffer text: a reason, then <c>:</c> and the
/// data from where the problem starts (cut to 511 bytes).
/// </summary>
internal static class SmlErrors
{
    /// <summary>TSDB_CODE_SML_INVALID_DATA.</summary>
    public const int InvalidData = 0x3002;

    /// <summary>TSDB_CODE_SML_NOT_SAME_TYPE.</summary>
    public const int NotSameType = 0x3004;

    /// <summary>TSDB_CODE_TSC_INVALID_VALUE.</summary>
    public const int InvalidValue = 0x0203;

    /// <summary>TSDB_CODE_TSC_INVALID_COLUMN_LENGTH.</summary>
    public const int InvalidColumnLength = 0x021F;

    /// <summary>TSDB_CODE_TSC_INVALID_TABLE_ID_LENGTH.</summary>
    public const int InvalidTableIdLength = 0x0218;

    /// <summary>TSDB_CODE_SML_INVALID_PROTOCOL_TYPE.</summary>
    public const int InvalidProtocol = 0x3000;

    private const int MessageBytes = 511;

    /// <summary>An error with clientSml's <c>reason:data</c> text (just the reason when <paramref name="at"/> is null).</summary>
    public static TaosServerException Data(int code, string reason, string? at)
    {
        string message = at is null ? reason : reason + ":" + at;
        if (message.Length > MessageBytes) message = message[..MessageBytes];
        return new TaosServerException(code, message);
    }

    /// <summary>12290 Invalid data format, TDengine's own text (no message buffer text).</summary>
    public static TaosServerException InvalidFormat() => new(InvalidData, "Invalid data format");

    /// <summary>12292: the same key with another type earlier in the same request.</summary>
    public static TaosServerException TypeChanged() => new(NotSameType, "Not the same type like before");
}
