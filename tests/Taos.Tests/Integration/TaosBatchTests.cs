using System.Data.Common;

namespace Taos.Tests.Integration;

/// <summary><see cref="TaosBatch"/>: separately parameterised commands, one result each.</summary>
public abstract class TaosBatchTests(ServerFixture server)
{
    private TaosConnection Open(string db)
    {
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, v int, s varchar(32))");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    private static TaosBatchCommand Insert(long ts, int v, string s) => new("insert into t values (?, ?, ?)")
    {
        Parameters = { new TaosParameter("", ts), new TaosParameter("", v), new TaosParameter("", s) },
    };

    [Fact]
    public void Connection_and_factory_create_batches()
    {
        using var c = new TaosConnection();
        Assert.True(c.CanCreateBatch);
        Assert.Same(c, c.CreateBatch().Connection);
        Assert.True(TaosFactory.Instance.CanCreateBatch);
        Assert.IsType<TaosBatch>(TaosFactory.Instance.CreateBatch());
        Assert.IsType<TaosBatchCommand>(TaosFactory.Instance.CreateBatchCommand());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Separately_parameterised_commands_all_run_with_records_affected_each(bool async)
    {
        using var c = Open("batch_nq_" + (async ? "a" : "s"));
        using var batch = c.CreateBatch();
        batch.BatchCommands.Add(Insert(1700000000000, 1, "a;"));
        batch.BatchCommands.Add(new TaosBatchCommand("insert into t values (1700000000001, 2, 'b') (1700000000002, 3, 'c')"));
        batch.BatchCommands.Add(Insert(1700000000003, 4, "it's"));
        Assert.Equal(4, async ? await batch.ExecuteNonQueryAsync() : batch.ExecuteNonQuery());
        Assert.Equal([1, 2, 1], batch.BatchCommands.Select(b => b.RecordsAffected));
        Assert.Equal(10L, Convert.ToInt64(new TaosCommand("select sum(v) from t", c).ExecuteScalar()));
        using var r = new TaosCommand("select s from t order by ts", c).ExecuteReader();
        var values = new List<string>();
        while (r.Read()) values.Add(r.GetString(0));
        Assert.Equal(["a;", "b", "c", "it's"], values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExecuteReader_gives_one_result_per_command(bool async)
    {
        using var c = Open("batch_rd_" + (async ? "a" : "s"));
        using DbBatch batch = c.CreateBatch();
        var select = batch.CreateBatchCommand();
        select.CommandText = "select @x";
        var p = select.CreateParameter();
        p.ParameterName = "@x";
        p.Value = 41;
        select.Parameters.Add(p);
        batch.BatchCommands.Add(select);
        batch.BatchCommands.Add(Insert(1700000000000, 7, "x"));
        batch.BatchCommands.Add(new TaosBatchCommand("select v from t"));
        await using var r = async ? await batch.ExecuteReaderAsync() : batch.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(41L, Convert.ToInt64(r.GetValue(0)));
        Assert.True(r.NextResult());
        Assert.Equal(0, r.FieldCount);
        Assert.True(r.NextResult());
        Assert.True(r.Read());
        Assert.Equal(7, r.GetInt32(0));
        Assert.False(r.NextResult());
        Assert.Equal(1, r.RecordsAffected);
        Assert.Equal([-1, 1, -1], batch.BatchCommands.Select(b => b.RecordsAffected));
    }

    [Fact]
    public void A_failing_command_throws_with_its_index_after_the_ones_before_it_ran()
    {
        using var c = Open("batch_fail");
        using var batch = new TaosBatch(c)
        {
            BatchCommands = { Insert(1700000000000, 1, "a"), new TaosBatchCommand("insert into nowhere values (now, 1)"), Insert(1700000000001, 2, "b") },
        };
        var e = Assert.Throws<TaosException>(() => batch.ExecuteNonQuery());
        Assert.Contains("Statement 2 of 3", e.Message);
        Assert.Contains("nowhere", e.Message);
        Assert.Equal(1L, Convert.ToInt64(new TaosCommand("select count(*) from t", c).ExecuteScalar()));
    }

    [Fact]
    public void ExecuteScalar_and_the_rules_of_a_command()
    {
        using var c = Open("batch_scalar");
        using var batch = new TaosBatch(c) { BatchCommands = { new TaosBatchCommand("select 5"), Insert(1700000000000, 1, "a") } };
        Assert.Equal(5L, Convert.ToInt64(batch.ExecuteScalar()));
        Assert.Equal(1L, Convert.ToInt64(new TaosCommand("select count(*) from t", c).ExecuteScalar()));
        batch.Prepare();
        Assert.Throws<InvalidOperationException>(() => new TaosBatch(c).ExecuteNonQuery());
        Assert.Throws<InvalidOperationException>(() => new TaosBatch { BatchCommands = { new TaosBatchCommand("select 1") } }.ExecuteNonQuery());
        Assert.Throws<InvalidOperationException>(() => new TaosBatch(c) { BatchCommands = { new TaosBatchCommand("") } }.Prepare());
        Assert.Throws<ArgumentException>(() => batch.BatchCommands.Add(new OtherBatchCommand()));
        Assert.Throws<NotSupportedException>(() => batch.BatchCommands[0].CommandType = System.Data.CommandType.StoredProcedure);
    }

    private sealed class OtherBatchCommand : DbBatchCommand
    {
        public override string CommandText { get; set; } = "";

        public override System.Data.CommandType CommandType { get; set; }

        public override int RecordsAffected => 0;

        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
    }
}

[Collection(ServerCollection.Name)]
public sealed class TaosBatchTestsOverRest(ServerFixture server) : TaosBatchTests(server);

[Collection(WsServerCollection.Name)]
public sealed class TaosBatchTestsOverWebSocket(WsServerFixture server) : TaosBatchTests(server);
