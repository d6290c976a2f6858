namespace Taos.Server.Engine.Users;

/// <summary>TDengine's codes and texts for the errors of users, logins and privileges.</summary>
internal static class UserErrors
{
    /// <summary>0x0303 TSDB_CODE_MND_NO_RIGHTS: what the mnode answers when privileges are enforced and missing.</summary>
    public const int NoRightsCode = 771;
    /// <summary>0x0350 TSDB_CODE_MND_USER_ALREADY_EXIST.</summary>
    public const int UserAlreadyExistsCode = 848;
    /// <summary>0x0351 TSDB_CODE_MND_USER_NOT_EXIST.</summary>
    public const int InvalidUserCode = 849;
    /// <summary>0x0357 TSDB_CODE_MND_AUTH_FAILURE.</summary>
    public const int AuthenticationFailureCode = ServerErrorCode.AuthenticationFailure;
    /// <summary>0x2610 TSDB_CODE_PAR_NAME_OR_PASSWD_TOO_LONG.</summary>
    public const int NameOrPasswordTooLongCode = 9744;
    /// <summary>0x2611 TSDB_CODE_PAR_PASSWD_EMPTY.</summary>
    public const int PasswordEmptyCode = 9745;
    /// <summary>0x0134 TSDB_CODE_IP_NOT_IN_WHITE_LIST.</summary>
    public const int NotInWhiteListCode = 308;
    /// <summary>0x035A TSDB_CODE_MND_USER_HOST_EXIST.</summary>
    public const int HostExistsCode = 858;
    /// <summary>0x035B TSDB_CODE_MND_USER_HOST_NOT_EXIST.</summary>
    public const int HostNotExistCode = 859;
    /// <summary>0x035C TSDB_CODE_MND_TOO_MANY_USER_HOST.</summary>
    public const int TooManyHostsCode = 860;
    /// <summary>0x035D TSDB_CODE_MND_USER_LOCAL_HOST_NOT_DROP.</summary>
    public const int LocalHostNotDropCode = 861;
    /// <summary>0x266B TSDB_CODE_PAR_INVALID_IP_RANGE.</summary>
    public const int InvalidIpRangeCode = 9835;
    /// <summary>0x2644 TSDB_CODE_PAR_PERMISSION_DENIED.</summary>
    public const int PermissionDeniedCode = 9796;

    /// <summary>849 Invalid user: no user of that name.</summary>
    public static TaosServerException InvalidUser() => new(InvalidUserCode, "Invalid user");

    /// <summary>855 Authentication failure: the password is wrong.</summary>
    public static TaosServerException AuthenticationFailure() => new(AuthenticationFailureCode, "Authentication failure");

    /// <summary>848 User already exists.</summary>
    public static TaosServerException UserAlreadyExists() => new(UserAlreadyExistsCode, "User already exists");

    /// <summary>9744 Name or password too long.</summary>
    public static TaosServerException NameOrPasswordTooLong() => new(NameOrPasswordTooLongCode, "Name or password too long");

    /// <summary>9745 Password can not be empty.</summary>
    public static TaosServerException PasswordEmpty() => new(PasswordEmptyCode, "Password can not be empty");

    /// <summary>9796: the parser's authenticator refused the statement.</summary>
    public static TaosServerException PermissionDenied() => new(PermissionDeniedCode, "Permission denied or target object not exist");

    /// <summary>771: the mnode refused an operation (only with privileges enforced).</summary>
    public static TaosServerException NoRights() => new(NoRightsCode, "Insufficient privilege for operation");

    /// <summary>308 Not allowed to connect: the client's address is not in the user's white list.</summary>
    public static TaosServerException NotInWhiteList() => new(NotInWhiteListCode, "Not allowed to connect");

    /// <summary>858: ALTER USER … ADD HOST named an entry the list already has.</summary>
    public static TaosServerException HostExists() => new(HostExistsCode, "Host already exist in ip white list");

    /// <summary>859: ALTER USER … DROP HOST named no entry of the list.</summary>
    public static TaosServerException HostNotExist() => new(HostNotExistCode, "Host not exist in ip white list");

    /// <summary>860: the list would pass <see cref="IpRange.MaxEntries"/>.</summary>
    public static TaosServerException TooManyHosts() => new(TooManyHostsCode, "Too many host in ip white list");

    /// <summary>861: ALTER USER … DROP HOST named 127.0.0.1.</summary>
    public static TaosServerException LocalHostNotDrop() => new(LocalHostNotDropCode, "Host can not be dropped");

    /// <summary>9835: the parser's answer to a HOST item that is no IPv4 address or range (fillIpRangesFromWhiteList).</summary>
    public static TaosServerException InvalidIpRange(string item) => new(InvalidIpRangeCode, "Invalid IP range " + item);
}
