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
}
