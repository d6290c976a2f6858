using System.Data;

namespace Taos.Tests.Integration;

/// <summary><see cref="TaosDataAdapter"/> and <see cref="TaosCommandBuilder"/> against the embedded server.</summary>
public abstract class TaosDataAdapterTests(ServerFixture server)
{
    private TaosConnection Open(string db)
    {
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, v int, d double, s varchar(32))",
            $"insert into {db}.t values (1700000000000, 1, 1.5, 'a') (1700000000001, 2, 2.5, 'b;c')");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    [Fact]
    public void The_factory_creates_adapters_and_builders()
    {
        Assert.True(TaosFactory.Instance.CanCreateDataAdapter);
        Assert.IsType<TaosDataAdapter>(TaosFactory.Instance.CreateDataAdapter());
        Assert.True(TaosFactory.Instance.CanCreateCommandBuilder);
        Assert.IsType<TaosCommandBuilder>(TaosFactory.Instance.CreateCommandBuilder());
    }

    [Fact]
    public void Fill_loads_a_select_into_a_DataTable_with_the_reader_types()
    {
        using var c = Open("adapter_fill");
        var adapter = new TaosDataAdapter("select ts, v, d, s from t order by ts", c);
        var table = new DataTable();
        Assert.Equal(2, adapter.Fill(table));
        Assert.Equal(["ts", "v", "d", "s"], table.Columns.Cast<DataColumn>().Select(col => col.ColumnName));
        Assert.Equal([typeof(DateTime), typeof(int), typeof(double), typeof(string)], table.Columns.Cast<DataColumn>().Select(col => col.DataType));
        Assert.Equal(2, table.Rows[1]["v"]);
        Assert.Equal("b;c", table.Rows[1]["s"]);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1700000000000), table.Rows[0]["ts"]);
    }

    [Fact]
    public void Fill_loads_every_result_of_a_multi_statement_select_into_a_DataSet()
    {
        using var c = Open("adapter_fill_set");
        var adapter = new TaosDataAdapter(new TaosCommand("select v from t order by ts; select s from t where v = 2", c));
        var set = new DataSet();
        adapter.Fill(set);
        Assert.Equal(2, set.Tables.Count);
        Assert.Equal(2, set.Tables[0].Rows.Count);
        Assert.Equal("b;c", set.Tables[1].Rows[0]["s"]);
    }

    [Fact]
    public void CommandBuilder_makes_an_insert_with_back_quoted_identifiers_that_Update_runs()
    {
        using var c = Open("adapter_insert");
        var adapter = new TaosDataAdapter("select ts, v, d, s from adapter_insert.t", c);
        using var builder = new TaosCommandBuilder(adapter);
        var insert = builder.GetInsertCommand();
        Assert.StartsWith("INSERT INTO `adapter_insert`.`t` (`ts`, `v`, `d`, `s`) VALUES (@p1, @p2, @p3, @p4)", insert.CommandText);
        var table = new DataTable();
        adapter.Fill(table);
        table.Rows.Add(DateTime.UnixEpoch.AddMilliseconds(1700000000005), 5, 5.5, "new; row");
        Assert.Equal(1, adapter.Update(table));
        Assert.Equal(3L, new TaosCommand("select count(*) from t", c).ExecuteScalar());
        Assert.Equal("new; row", new TaosCommand("select s from t where v = 5", c).ExecuteScalar());
    }

    [Fact]
    public void CommandBuilder_refuses_update_and_delete_saying_why()
    {
        using var c = Open("adapter_update");
        var adapter = new TaosDataAdapter("select ts, v from t", c);
        using var builder = new TaosCommandBuilder(adapter);
        var e = Assert.Throws<NotSupportedException>(() => builder.GetUpdateCommand());
        Assert.Contains("same timestamp", e.Message);
        Assert.Throws<NotSupportedException>(() => builder.GetDeleteCommand());
        var table = new DataTable();
        adapter.Fill(table);
        table.Rows[0]["v"] = 100;
        e = Assert.Throws<NotSupportedException>(() => adapter.Update(table));
        Assert.Contains("same timestamp", e.Message);
    }

    [Fact]
    public void The_insert_as_UpdateCommand_rewrites_a_modified_row_by_its_timestamp()
    {
        using var c = Open("adapter_rewrite");
        var adapter = new TaosDataAdapter("select ts, v, d, s from t", c);
        using var builder = new TaosCommandBuilder(adapter);
        adapter.UpdateCommand = builder.GetInsertCommand();
        var table = new DataTable();
        adapter.Fill(table);
        table.Rows[0]["v"] = 100;
        Assert.Equal(1, adapter.Update(table));
        Assert.Equal(2L, new TaosCommand("select count(*) from t", c).ExecuteScalar());
        Assert.Equal(102L, Convert.ToInt64(new TaosCommand("select sum(v) from t", c).ExecuteScalar()));
    }

    [Fact]
    public void CommandBuilder_quotes_with_back_quotes()
    {
        using var builder = new TaosCommandBuilder();
        Assert.Equal("`a``b`", builder.QuoteIdentifier("a`b"));
        Assert.Equal("a`b", builder.UnquoteIdentifier("`a``b`"));
        Assert.Equal("plain", builder.UnquoteIdentifier("plain"));
    }

    [Fact]
    public void CommandBuilder_needs_a_select_from_one_table()
    {
        using var c = Open("adapter_join");
        var adapter = new TaosDataAdapter("select ts, v from (select ts, v from t)", c);
        using var builder = new TaosCommandBuilder(adapter);
        Assert.Throws<InvalidOperationException>(() => builder.GetInsertCommand());
    }
}

[Collection(ServerCollection.Name)]
public sealed class TaosDataAdapterTestsOverRest(ServerFixture server) : TaosDataAdapterTests(server);

[Collection(WsServerCollection.Name)]
public sealed class TaosDataAdapterTestsOverWebSocket(WsServerFixture server) : TaosDataAdapterTests(server);
