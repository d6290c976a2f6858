namespace Taos.Server.Engine.Users;

/// <summary>What checking a user and password found.</summary>
internal enum LoginResult
{
    /// <summary>The user exists and the password is right.</summary>
    Ok,

    /// <summary>There is no user of that name (TDengine: 849 Invalid user).</summary>
    UnknownUser,

    /// <summary>The password is wrong (TDengine: 855 Authentication failure).</summary>
    WrongPassword,

    /// <summary>The client's address is not in the user's IP white list (TDengine: 308 Not allowed to connect).</summary>
    HostNotAllowed,
}
