namespace Taos.Tests.Transport.WebSocket;

public class WsConnectionStringTests
{
    [Theory]
    [InlineData("Url=ws://h:6041", TaosProtocol.WebSocket)]
    [InlineData("Url=WSS://h:6041", TaosProtocol.WebSocket)]
    [InlineData("Url=ws://a:6041,ws://b:6042", TaosProtocol.WebSocket)]
    [InlineData("Host=h;Protocol=websocket", TaosProtocol.WebSocket)]
    [InlineData("Url=http://h:6041", TaosProtocol.Rest)]
    [InlineData("Url=ws://h:6041;Protocol=Rest", TaosProtocol.Rest)]
    public void A_ws_url_or_Protocol_WebSocket_selects_the_WebSocket_transport(string connectionString, TaosProtocol expected)
    {
        Assert.Equal(expected, new TaosConnectionStringBuilder(connectionString).Protocol);
    }

    [Fact]
    public void Endpoints_come_from_every_url_or_from_host_port_and_ssl()
    {
        Assert.Equal([new Uri("ws://a:6041"), new Uri("wss://b:6042")], new TaosConnectionStringBuilder("Url=ws://a:6041, wss://b:6042/").GetWebSocketUris());
        Assert.Equal([new Uri("wss://cloud.example:443")], new TaosConnectionStringBuilder("Host=cloud.example;Port=443;UseSsl=true;Protocol=WebSocket").GetWebSocketUris());
        Assert.Equal([new Uri("ws://localhost:6041")], new TaosConnectionStringBuilder("Protocol=WebSocket").GetWebSocketUris());
        Assert.Equal([new Uri("wss://h:1")], new TaosConnectionStringBuilder("Url=https://h:1;Protocol=WebSocket").GetWebSocketUris());
    }

    [Fact]
    public void The_WebSocket_options_read_and_default()
    {
        var b = new TaosConnectionStringBuilder("Url=ws://h:1;EnableCompression=true;ConnectTimeout=5;ReadTimeout=7;AutoReconnect=true;ReconnectRetryCount=4;ReconnectIntervalMs=250");
        Assert.True(b.EnableCompression);
        Assert.Equal(5, b.ConnectTimeout);
        Assert.Equal(7, b.ReadTimeout);
        Assert.True(b.AutoReconnect);
        Assert.Equal(4, b.ReconnectRetryCount);
        Assert.Equal(250, b.ReconnectIntervalMs);
        var d = new TaosConnectionStringBuilder("Url=ws://h:1");
        Assert.False(d.EnableCompression);
        Assert.Equal(0, d.ConnectTimeout);
        Assert.Equal(0, d.ReadTimeout);
        Assert.False(d.AutoReconnect);
        Assert.Equal(3, d.ReconnectRetryCount);
        Assert.Equal(2000, d.ReconnectIntervalMs);
    }

    [Theory]
    [InlineData("Url=http://a:1,http://b:2")]
    [InlineData("Url=ws://a:1,http://b:2")]
    [InlineData("Url=ws://a:1,nonsense")]
    [InlineData("EnableCompression=maybe")]
    [InlineData("ReconnectRetryCount=-1")]
    [InlineData("ReadTimeout=x")]
    [InlineData("AutoReconnect=1")]
    public void Bad_values_are_ArgumentExceptions(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => new TaosConnectionStringBuilder(connectionString));
    }
}
