namespace Taos.Tests.Integration;

/// <summary>The ADO.NET specification's rules for parameter values, against the embedded server.</summary>
[Collection(ServerCollection.Name)]
public class ParameterValueContractTests(ServerFixture server)
{
    [Fact]
    public void Bind_requires_set_value_throws_InvalidOperationException_before_any_request()
    {
        server.Run("create database if not exists pvalues", "create table if not exists pvalues.t (ts timestamp, v int)");
        using var c = new TaosConnection(server.ConnectionString("pvalues"));
        c.Open();
        using var cmd = new TaosCommand("insert into t values (now, @v)", c);
        cmd.Parameters.Add(new TaosParameter { ParameterName = "@v" });
        var ex = Assert.Throws<InvalidOperationException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("'@v' has no Value", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Convert.ToInt64(new TaosCommand("select count(*) from t", c).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));

        cmd.Parameters[0].Value = DBNull.Value;
        Assert.Equal(1, cmd.ExecuteNonQuery());
        using var check = new TaosCommand("select v from t", c);
        using var r = check.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(0));
    }

    [Fact]
    public void Bind_unnamed_parameter_without_value_names_its_position()
    {
        using var c = new TaosConnection(server.ConnectionString());
        c.Open();
        using var cmd = new TaosCommand("select ?, ?", c);
        cmd.Parameters.Add(new TaosParameter { Value = 1 });
        cmd.Parameters.Add(new TaosParameter());
        var ex = Assert.Throws<InvalidOperationException>(() => cmd.ExecuteScalar());
        Assert.Contains("Parameter #2 has no Value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bind_works_with_stream_read_to_its_end(bool seekable)
    {
        server.Run("create database if not exists pvalues", "create table if not exists pvalues.blobs (ts timestamp, b varbinary(32))");
        using var c = new TaosConnection(server.ConnectionString("pvalues"));
        c.Open();
        byte[] bytes = [0, 1, 2, 0xfe, 0xff];
        Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes);
        using var ins = new TaosCommand("insert into blobs values (?, ?)", c);
        ins.Parameters.Add(new TaosParameter { Value = new DateTime(2024, 1, 1, 0, 0, seekable ? 1 : 2, DateTimeKind.Utc) });
        ins.Parameters.Add(new TaosParameter { Value = stream });
        Assert.Equal(1, ins.ExecuteNonQuery());
        using var sel = new TaosCommand($"select b from blobs where ts = '2024-01-01T00:00:0{(seekable ? 1 : 2)}Z'", c);
        Assert.Equal(bytes, (byte[])sel.ExecuteScalar()!);
    }

    /// <summary>A stream that can only be read forward, as a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
