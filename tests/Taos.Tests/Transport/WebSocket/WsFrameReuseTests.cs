using System.Globalization;
using System.Text;
using Taos.Tests.Integration;

namespace Taos.Tests.Transport.WebSocket;

/// <summary>
/// Received blocks go back to the socket once the reader moves past them and later blocks are received into them:
/// values read from many blocks stay right, and a stream opened on a value outlives its block.
/// </summary>
[Collection(WsServerCollection.Name)]
public class WsFrameReuseTests(WsServerFixture server)
{
    private const int Rows = 12_500;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Values_of_every_block_read_right_while_block_buffers_are_reused(bool async)
    {
        Fill("wsreuse_" + (async ? "a" : "s"));
        using var c = new TaosConnection(server.ConnectionString("wsreuse_" + (async ? "a" : "s")));
        if (async) await c.OpenAsync(); else c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "select ts, v, s, b from t";
        using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();

        // A stream on the first row's bytes, kept while the reader crosses four blocks of 4096 rows.
        Assert.True(async ? await r.ReadAsync() : r.Read());
        using var first = r.GetStream(3);
        int read = 1;
        while (async ? await r.ReadAsync() : r.Read())
        {
            Assert.Equal(read, r.GetInt32(1));
            Assert.Equal(Text(read), r.GetString(2));
            Assert.Equal(Bytes(read), (byte[])r.GetValue(3));
            read++;
        }

        Assert.Equal(Rows, read);
        Assert.Equal(Bytes(0), ReadAll(first));
    }

    private static string Text(int i) => "s" + i.ToString(CultureInfo.InvariantCulture) + new string((char)('a' + (i % 26)), i % 11);

    private static byte[] Bytes(int i) => [(byte)i, (byte)(i >> 8), (byte)(i % 7)];

    private void Fill(string db)
    {
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, v int, s varchar(24), b varbinary(8))");
        for (int start = 0; start < Rows; start += 2500)
        {
            var sql = new StringBuilder($"insert into {db}.t values");
            for (int i = start; i < start + 2500; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $" ({1704067200000L + i}, {i}, '{Text(i)}', '\\x{Convert.ToHexString(Bytes(i))}')");
            }
            server.Run(sql.ToString());
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
