using Taos.Server.Endpoints.Tmq;

namespace Taos.Server.Tests.Endpoints.Tmq;

/// <summary>taosAdapter embeds the JSON meta as a Go json.RawMessage, whose encoder escapes HTML characters.</summary>
public class GoJsonTests
{
    [Fact]
    public void Html_characters_and_line_separators_are_escaped_and_the_rest_kept()
    {
        Assert.Equal("{\"a\":\"\\u003cb\\u003e \\u0026 \\u2028 é\"}", GoJson.EscapeHtml("{\"a\":\"<b> & \u2028 é\"}"));
        string plain = "{\"type\":\"drop\"}";
        Assert.Same(plain, GoJson.EscapeHtml(plain));
    }
}
