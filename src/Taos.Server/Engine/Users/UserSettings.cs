namespace Taos.Server.Engine.Users;

/// <summary>
/// How the users start and behave: the super user a new data directory is created with (its name and initial
/// password; later changes go through ALTER USER and are kept in the data directory) and whether READ/WRITE grants
/// are enforced (TDengine's community edition records them without enforcing them).
/// </summary>
internal sealed record UserSettings(string SuperUser, string InitialPassword, bool EnforcePrivileges)
{
    /// <summary>root/taosdata, grants recorded but not enforced: TDengine's own defaults.</summary>
    public static UserSettings Default { get; } = new("root", "taosdata", false);
}
