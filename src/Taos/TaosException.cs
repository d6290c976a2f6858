using System.Data.Common;

namespace Taos;

/// <summary>
/// An error from TDengine (a non-zero <c>code</c> in the answer) or from talking to it (network failure, timeout,
/// an answer that is not a TDengine result).
/// </summary>
public sealed class TaosException : DbException
{
    /// <summary>The <see cref="ErrorCode"/> of failures that happened on the client side or in the network.</summary>
    public const int ClientErrorCode = -1;

    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="errorCode">TDengine's error code, or <see cref="ClientErrorCode"/>.</param>
    /// <param name="description">The server's description of the error (<c>desc</c>), if it sent one.</param>
    /// <param name="sql">The statement that failed.</param>
    /// <param name="requestId">The request id (<c>req_id</c>) the statement was sent with.</param>
    /// <param name="innerException">The cause, for client-side failures.</param>
    public TaosException(string message, int errorCode = ClientErrorCode, string? description = null, string? sql = null,
        long? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        Description = description;
        Sql = sql;
        RequestId = requestId;
    }

    /// <summary>
    /// TDengine's error code, e.g. 9826 (0x2662) for an unknown table; see <see cref="TaosErrorCode"/>.
    /// <see cref="ClientErrorCode"/> (-1) when the failure happened on the client side or in the network
    /// (see <see cref="Exception.InnerException"/>).
    /// </summary>
    public override int ErrorCode { get; }

    /// <summary>The server's error text (<c>desc</c>) exactly as sent, or null for client-side failures.</summary>
    public string? Description { get; }

    /// <summary>The statement that failed, or null when the failure was not tied to a statement.</summary>
    public string? Sql { get; }

    /// <summary>The request id (<c>req_id</c>) the failing statement was sent with.</summary>
    public long? RequestId { get; }

    /// <summary>True for network failures and timeouts, which may succeed when retried.</summary>
    public override bool IsTransient => ErrorCode == ClientErrorCode &&
        InnerException is HttpRequestException or IOException or TimeoutException;
}
