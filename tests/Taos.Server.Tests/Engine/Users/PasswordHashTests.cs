using Taos.Server.Engine.Users;

namespace Taos.Server.Tests.Engine.Users;

public class PasswordHashTests
{
    [Fact]
    public void A_hash_matches_its_password_only()
    {
        var hash = PasswordHash.Create("Abc_123");
        Assert.True(hash.Matches("Abc_123"));
        Assert.False(hash.Matches("abc_123"));
        Assert.False(hash.Matches("Abc_123 "));
        Assert.False(hash.Matches(""));
    }

    [Fact]
    public void Every_hash_has_its_own_salt_and_keeps_no_plain_text()
    {
        var a = PasswordHash.Create("same");
        var b = PasswordHash.Create("same");
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Equal(PasswordHash.DefaultIterations, a.Iterations);
        Assert.DoesNotContain("same"u8.ToArray(), new[] { a.Hash, a.Salt }, EqualityComparer<byte[]>.Create((x, y) => x!.AsSpan().SequenceEqual(y)));
    }

    [Fact]
    public void A_stored_iteration_count_is_honoured()
    {
        var hash = PasswordHash.Create("p");
        var weaker = new PasswordHash(hash.Salt, hash.Hash, hash.Iterations - 1);
        Assert.False(weaker.Matches("p"));
    }
}
