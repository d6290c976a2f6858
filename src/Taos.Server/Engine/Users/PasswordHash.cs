using System.Security.Cryptography;
using System.Text;

namespace Taos.Server.Engine.Users;

/// <summary>
/// A password kept as PBKDF2-HMAC-SHA256 over its UTF-8 bytes with a per-user random salt; checked in constant time.
/// The iteration count is stored with the hash so that it can grow without invalidating stored passwords.
/// </summary>
internal sealed record PasswordHash(byte[] Salt, byte[] Hash, int Iterations)
{
    /// <summary>The iteration count new hashes use.</summary>
    public const int DefaultIterations = 100_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static PasswordHash Create(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(salt, Derive(password, salt, DefaultIterations, HashBytes), DefaultIterations);
    }

    /// <summary>Whether <paramref name="password"/> is the one hashed (constant time in the hash comparison).</summary>
    public bool Matches(string password) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, Salt, Iterations, Hash.Length), Hash);

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
