using Taos.Transport.Rest;

namespace Taos.Tests.Transport.Rest;

/// <summary>How the schemaless HTTP endpoints' error messages become TDengine codes.</summary>
public class RestSchemalessSenderTests
{
    [Theory]
    [InlineData("[0x21f] invalid key or key is too long than 64:1700000000000", 543, "invalid key or key is too long than 64:1700000000000")]
    [InlineData("[0x80000357] Authentication failure", 855, "Authentication failure")]
    [InlineData("[0x388] Database not exist", 904, "Database not exist")]
    public void TDengine_errors_give_their_code_masked_to_16_bits_and_their_text(string message, int code, string text)
    {
        Assert.True(RestSchemalessSender.TryParseTaosError(message, out int parsed, out string rest));
        Assert.Equal(code, parsed);
        Assert.Equal(text, rest);
    }

    [Theory]
    [InlineData("db required")]
    [InlineData("[0xzz] broken")]
    [InlineData("[0x21f without end")]
    public void Adapter_messages_are_not_TDengine_errors(string message)
    {
        Assert.False(RestSchemalessSender.TryParseTaosError(message, out _, out string text));
        Assert.Equal(message, text);
    }
}
