using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Engine.Users;

/// <summary>
/// The authenticator every endpoint uses (REST <c>/rest/sql</c> and <c>/rest/login</c>, the WebSocket <c>conn</c>):
/// checks a user and password against the stored users. A verified login is remembered as a keyed hash of the
/// password (HMAC-SHA256 under a key that lives only in this process) for the user's current version, so that
/// requests after the first do not pay PBKDF2; any change to the user (ALTER USER) bumps its version and DROP USER
/// removes it, which invalidates the remembered login. Failed logins are never cached.
/// </summary>
internal sealed class UserDirectory
{
    private readonly IStore _store;
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (long Version, byte[] Proof)> _verified = new(StringComparer.Ordinal);

    /// <summary>Opens the users of <paramref name="store"/>; a store without users gets the super user of <paramref name="settings"/>.</summary>
    public UserDirectory(IStore store, UserSettings settings)
    {
        _store = store;
        Settings = settings;
        if (store.Users().Count == 0)
        {
            var root = new UserAccount(settings.SuperUser, PasswordHash.Create(settings.InitialPassword), Super: true, Enable: 1, SysInfo: 1,
                DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Version: 1, []);
            store.Write(w =>
            {
                w.SaveUser(root);
                return 0;
            });
        }
    }

    /// <summary>How the users were set up (the super user, whether grants are enforced).</summary>
    public UserSettings Settings { get; }

    /// <summary>The user of that exact name, or null.</summary>
    public UserAccount? Find(string name) => _store.FindUser(name);

    /// <summary>
    /// Checks <paramref name="user"/> and <paramref name="password"/>, then — with <see cref="UserSettings.EnforcePrivileges"/>
    /// — whether the user's IP white list admits <paramref name="client"/> (the peer's address; null for an in-process
    /// caller). TDengine 3.3.0.1's community edition keeps the lists without checking them (mndEnableIpWhiteList is 0
    /// there), so by default they are not checked either.
    /// </summary>
    public LoginResult Authenticate(string user, string password, IPAddress? client)
    {
        var account = _store.FindUser(user);
        if (account is null)
        {
            return LoginResult.UnknownUser;
        }
        byte[] proof = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(password));
        if (_verified.TryGetValue(user, out var cached) && cached.Version == account.Version
            && CryptographicOperations.FixedTimeEquals(cached.Proof, proof))
        {
            return Admitted(account, client);
        }
        if (!account.Password.Matches(password))
        {
            return LoginResult.WrongPassword;
        }
        _verified[user] = (account.Version, proof);
        return Admitted(account, client);
    }

    /// <summary>Forgets the remembered login of <paramref name="user"/> (after ALTER or DROP USER).</summary>
    public void Forget(string user) => _verified.TryRemove(user, out _);

    /// <summary>The TDengine error for a failed login.</summary>
    public static TaosServerException Failure(LoginResult result) => result switch
    {
        LoginResult.UnknownUser => UserErrors.InvalidUser(),
        LoginResult.HostNotAllowed => UserErrors.NotInWhiteList(),
        _ => UserErrors.AuthenticationFailure(),
    };

    private LoginResult Admitted(UserAccount account, IPAddress? client) =>
        !Settings.EnforcePrivileges || account.Admits(client) ? LoginResult.Ok : LoginResult.HostNotAllowed;
}
