namespace Taos.Server.Http;

/// <summary>
/// The errors taosAdapter raises itself, before a statement reaches TDengine: code, text and HTTP status as
/// taosAdapter 3.3.0.1 answers them (its <c>httperror</c> table).
/// </summary>
internal sealed record AdapterError(int Status, int Code, string Desc)
{
    /// <summary>0x1105: no Authorization header.</summary>
    public static readonly AdapterError NoAuthInfo = new(401, 0x1105, "no auth info input");

    /// <summary>0x1106: the body has no bytes at all.</summary>
    public static readonly AdapterError RequestEmpty = new(400, 0x1106, "request is empty");

    /// <summary>0x1107: the body is only white space.</summary>
    public static readonly AdapterError NoSqlInput = new(400, 0x1107, "no sql input");

    /// <summary>0x110A: <c>/rest/login</c> got a user or password of 0 or more than 24 bytes.</summary>
    public static readonly AdapterError GenerateTokenError = new(400, 0x110A, "generate taosd token error");

    /// <summary>0x1121: the body could not be read.</summary>
    public static readonly AdapterError InvalidContentLength = new(400, 0x1121, "invalid content length");

    /// <summary>0x1122: an Authorization scheme other than Basic, Taosd or Bearer.</summary>
    public static readonly AdapterError InvalidAuthType = new(401, 0x1122, "invalid type of Authorization");

    /// <summary>0x1124: a Basic header that is not base64 of <c>user:password</c>.</summary>
    public static readonly AdapterError InvalidBasicAuth = new(401, 0x1124, "invalid basic Authorization");

    /// <summary>0x1125: a Taosd token that does not decode.</summary>
    public static readonly AdapterError InvalidTaosdAuth = new(401, 0x1125, "invalid taosd Authorization");

    /// <summary>
    /// 0x0003 (TSDB_CODE_RPC_AUTH_FAILURE): <c>/rest/login</c> with a wrong user or password answers 401 with this
    /// legacy code, not 855 like <c>/rest/sql</c> does.
    /// </summary>
    public static readonly AdapterError LoginAuthFailure = new(401, 0x0003, "Authentication failure");

    /// <summary>0xFFFF with a message of taosAdapter's own (bad <c>tz</c>, bad <c>req_id</c>): HTTP 400.</summary>
    public static AdapterError BadRequest(string desc) => new(400, ServerErrorCode.AdapterError, desc);

    /// <summary>An error from TDengine itself: HTTP 200 with its code.</summary>
    public static AdapterError Taos(int code, string desc) => new(200, code & 0xFFFF, desc);
}
