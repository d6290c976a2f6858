using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Taos.Server.Http;

/// <summary>The user and password a request claims, before they are checked.</summary>
internal readonly record struct RestCredentials(string User, string Password);

/// <summary>
/// taosAdapter's authentication: <c>Basic</c> headers, and <c>Taosd</c> tokens from <c>/rest/login</c>. The claimed
/// credentials are then checked against the stored users by <see cref="Engine.Users.UserDirectory"/>.
/// A token is taosAdapter's own: the user (24 bytes, NUL padded) and the password (NUL padded to a multiple of
/// 8, at least 24 bytes) encrypted with DES-ECB under taosAdapter's fixed key, in base64. Using the same
/// scheme keeps tokens stable across restarts and interchangeable with a real taosAdapter's.
/// </summary>
internal static class RestAuth
{
    private const int UserBytes = 24;

    // taosAdapter's published token key (controller/rest/auth.go).
    private static readonly byte[] TokenKey = [64, 182, 122, 48, 86, 115, 253, 68];

    /// <summary>
    /// Reads the Authorization header the way taosAdapter's CheckAuth does (prefixes are case-sensitive).
    /// Returns true with the claimed credentials, or false with the error to answer.
    /// </summary>
    public static bool TryReadHeader(string? header, string? queryToken, out RestCredentials credentials, [NotNullWhen(false)] out AdapterError? error)
    {
        credentials = default;
        error = null;
        if (string.IsNullOrEmpty(header))
        {
            // TDengine Cloud style: the token in the URL instead of a header.
            if (!string.IsNullOrEmpty(queryToken))
            {
                if (TryDecodeToken(queryToken.Trim(), out credentials))
                {
                    return true;
                }
                error = AdapterError.InvalidTaosdAuth;
                return false;
            }
            error = AdapterError.NoAuthInfo;
            return false;
        }
        string auth = header.Trim();
        if (auth.StartsWith("Basic", StringComparison.Ordinal) && auth.Length > 6)
        {
            if (TryDecodeBasic(auth[6..], out credentials))
            {
                return true;
            }
            error = AdapterError.InvalidBasicAuth;
            return false;
        }
        if ((auth.StartsWith("Taosd", StringComparison.Ordinal) && auth.Length > 6) ||
            (auth.StartsWith("Bearer", StringComparison.Ordinal) && auth.Length > 7))
        {
            string token = auth[(auth[0] == 'T' ? 6 : 7)..].Trim();
            if (TryDecodeToken(token, out credentials))
            {
                return true;
            }
            error = AdapterError.InvalidTaosdAuth;
            return false;
        }
        error = AdapterError.InvalidAuthType;
        return false;
    }

    private static bool TryDecodeBasic(string encoded, out RestCredentials credentials)
    {
        credentials = default;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        string text = Encoding.UTF8.GetString(bytes);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }
        credentials = new RestCredentials(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>The token <c>/rest/login/{user}/{password}</c> answers.</summary>
    public static string EncodeToken(string user, string password)
    {
        byte[] userBytes = Encoding.UTF8.GetBytes(user);
        byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
        if (userBytes.Length > UserBytes)
        {
            throw new ArgumentException("user longer than 24 bytes", nameof(user));
        }
        int total = passwordBytes.Length > UserBytes ? (UserBytes + passwordBytes.Length + 7) / 8 * 8 : 2 * UserBytes;
        byte[] plain = new byte[total];
        userBytes.CopyTo(plain, 0);
        passwordBytes.CopyTo(plain, UserBytes);
        using var des = CreateCipher();
        return Convert.ToBase64String(des.EncryptEcb(plain, PaddingMode.None));
    }

    /// <summary>Recovers the user and password from a token; false when it is not one.</summary>
    public static bool TryDecodeToken(string token, out RestCredentials credentials)
    {
        credentials = default;
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            return false;
        }
        if (cipher.Length < 2 * UserBytes || cipher.Length % 8 != 0)
        {
            return false;
        }
        using var des = CreateCipher();
        byte[] plain = des.DecryptEcb(cipher, PaddingMode.None);
        string user = UntilNul(plain.AsSpan(0, UserBytes));
        string password = UntilNul(plain.AsSpan(UserBytes));
        if (user.Length == 0 || password.Length == 0)
        {
            return false;
        }
        credentials = new RestCredentials(user, password);
        return true;
    }

    private static string UntilNul(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? bytes : bytes[..nul]);
    }

#pragma warning disable CA5351 // DES is what taosAdapter's token format is; it obfuscates, it does not protect.
    private static DES CreateCipher()
    {
        var des = DES.Create();
        des.Key = TokenKey;
        return des;
    }
#pragma warning restore CA5351
}
