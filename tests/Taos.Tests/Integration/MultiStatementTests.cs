using System.Data;

namespace Taos.Tests.Integration;

/// <summary>A command of several statements runs every one of them, in order (TDengine itself would run the first only).</summary>
public abstract class MultiStatementTests(ServerFixture server)
{
    private TaosConnection Open(string db)
    {
        server.Run($"create database if not exists {db}", $"create table if not exists {db}.t (ts timestamp, v int, s varchar(32))");
        var c = new TaosConnection(server.ConnectionString(db));
        c.Open();
        return c;
    }

    private static long Count(TaosConnection c, string where = "") =>
        (long)new TaosCommand("select count(*) from t" + where, c).ExecuteScalar()!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_insert_of_a_multi_statement_command_lands_and_ExecuteNonQuery_sums_them(bool async)
    {
        using var c = Open("multi_ins_" + (async ? "a" : "s"));
        using var cmd = new TaosCommand(
            "insert into t values (1700000000000, 1, 'a'); insert into t values (1700000000001, 2, 'b') (1700000000002, 3, 'c');; insert into t values (1700000000003, 4, 'd');", c);
        Assert.Equal(4, async ? await cmd.ExecuteNonQueryAsync() : cmd.ExecuteNonQuery());
        Assert.Equal(4, Count(c));
    }

    [Fact]
    public void A_failing_second_statement_throws_with_its_index_and_text_after_the_first_ran()
    {
        using var c = Open("multi_fail");
        using var cmd = new TaosCommand("insert into t values (1700000000000, 1, 'a'); insert into no_such_table values (now, 1); insert into t values (1700000000001, 2, 'b')", c);
        var e = Assert.Throws<TaosException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("Statement 2 of 3", e.Message);
        Assert.Contains("insert into no_such_table values (now, 1)", e.Message);
        Assert.IsType<TaosException>(e.InnerException);
        Assert.Equal(((TaosException)e.InnerException!).ErrorCode, e.ErrorCode);
        Assert.NotEqual(TaosException.ClientErrorCode, e.ErrorCode);
        // The first statement ran, the third did not.
        Assert.Equal(1, Count(c));
    }

    [Fact]
    public void A_failing_statement_reached_by_NextResult_throws_there_and_the_rest_does_not_run()
    {
        using var c = Open("multi_fail_nr");
        using var cmd = new TaosCommand("select 1; select * from no_such_table; insert into t values (1700000000001, 2, 'b')", c);
        using (var r = cmd.ExecuteReader())
        {
            Assert.True(r.Read());
            var e = Assert.Throws<TaosException>(() => r.NextResult());
            Assert.Contains("Statement 2 of 3", e.Message);
            Assert.False(r.NextResult());
        }
        Assert.Equal(0, Count(c));
    }

    [Fact]
    public void Quotes_backquotes_and_comments_containing_semicolons_do_not_split()
    {
        using var c = Open("multi_quotes");
        using var cmd = new TaosCommand(
            "insert into t values (1700000000000, 1, 'a;b') /* c; d */; -- e; f\n insert into `t` values (1700000000001, 2, \"g;h\"); insert into t values (1700000000002, 3, 'it''s;')", c);
        Assert.Equal(3, cmd.ExecuteNonQuery());
        cmd.CommandText = "select s from t order by ts";
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read()) values.Add(r.GetString(0));
        Assert.Equal(["a;b", "g;h", "it's;"], values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NextResult_moves_over_select_insert_select(bool async)
    {
        using var c = Open("multi_next_" + (async ? "a" : "s"));
        using var cmd = new TaosCommand("select count(*) from t; insert into t values (1700000000000, 7, 'x'); select v, s from t", c);
        await using var r = async ? await cmd.ExecuteReaderAsync() : cmd.ExecuteReader();
        Assert.True(r.HasRows);
        Assert.True(r.Read());
        Assert.Equal(0L, r.GetInt64(0));
        Assert.False(r.Read());

        Assert.True(async ? await r.NextResultAsync() : r.NextResult());
        Assert.Equal(0, r.FieldCount);
        Assert.False(r.HasRows);
        Assert.Equal(1, r.RecordsAffected);
        Assert.Null(r.GetSchemaTable());

        Assert.True(async ? await r.NextResultAsync() : r.NextResult());
        Assert.Equal(2, r.FieldCount);
        Assert.Equal("s", r.GetName(1));
        Assert.True(r.Read());
        Assert.Equal(7, r.GetInt32(0));
        Assert.Equal("x", r.GetString(1));
        Assert.False(r.Read());

        Assert.False(async ? await r.NextResultAsync() : r.NextResult());
        Assert.False(r.NextResult());
        Assert.Equal(1, r.RecordsAffected);
    }

    [Fact]
    public void HasRows_is_per_result()
    {
        using var c = Open("multi_hasrows");
        using var cmd = new TaosCommand("select v from t where v = 99; select 1;", c);
        using var r = cmd.ExecuteReader();
        Assert.False(r.HasRows);
        Assert.True(r.NextResult());
        Assert.True(r.HasRows);
    }

    [Fact]
    public void Closing_the_reader_runs_the_statements_it_did_not_reach()
    {
        using var c = Open("multi_close");
        using var cmd = new TaosCommand("select 1; insert into t values (1700000000000, 1, 'a'); insert into t values (1700000000001, 2, 'b')", c);
        var r = cmd.ExecuteReader();
        Assert.Equal(-1, r.RecordsAffected);
        r.Close();
        Assert.Equal(2, r.RecordsAffected);
        Assert.Equal(2, Count(c));
    }

    [Fact]
    public void SingleResult_reads_the_first_result_and_the_rest_still_runs()
    {
        using var c = Open("multi_single");
        using var cmd = new TaosCommand("select 1; insert into t values (1700000000000, 1, 'a')", c);
        using (var r = cmd.ExecuteReader(CommandBehavior.SingleResult))
        {
            Assert.True(r.Read());
            Assert.False(r.NextResult());
        }
        Assert.Equal(1, Count(c));
    }

    [Fact]
    public void ExecuteScalar_takes_the_first_result_set_and_runs_every_statement()
    {
        using var c = Open("multi_scalar");
        using var cmd = new TaosCommand("insert into t values (1700000000000, 1, 'a'); select 42; select 43; insert into t values (1700000000001, 2, 'b')", c);
        Assert.Equal(42L, Convert.ToInt64(cmd.ExecuteScalar()));
        Assert.Equal(2, Count(c));
        cmd.CommandText = "insert into t values (1700000000002, 3, 'c'); insert into t values (1700000000003, 4, 'd')";
        Assert.Equal(2, cmd.ExecuteScalar());
    }

    [Fact]
    public void Parameters_bind_into_every_statement_and_question_marks_continue_across_them()
    {
        using var c = Open("multi_params");
        using var cmd = new TaosCommand("insert into t values (?, ?, 'p;'); insert into t values (?, ?, 'p;')", c);
        cmd.Parameters.Add(new TaosParameter("", 1700000000000L));
        cmd.Parameters.Add(new TaosParameter("", 1));
        cmd.Parameters.Add(new TaosParameter("", 1700000000001L));
        cmd.Parameters.Add(new TaosParameter("", 2));
        Assert.Equal(2, cmd.ExecuteNonQuery());
        cmd.CommandText = "insert into t values (@t1, @v, @s); insert into t values (@t2, @v, @s)";
        cmd.Parameters.Clear();
        cmd.Parameters.Add(new TaosParameter("@t1", 1700000000002L));
        cmd.Parameters.Add(new TaosParameter("@t2", 1700000000003L));
        cmd.Parameters.Add(new TaosParameter("@v", 10));
        cmd.Parameters.Add(new TaosParameter("@s", "x;y"));
        Assert.Equal(2, cmd.ExecuteNonQuery());
        cmd.Parameters.Clear();
        cmd.CommandText = "select sum(v) from t where s = 'p;'";
        Assert.Equal(3L, Convert.ToInt64(cmd.ExecuteScalar()));
        cmd.CommandText = "select sum(v) from t where s = 'x;y'";
        Assert.Equal(20L, Convert.ToInt64(cmd.ExecuteScalar()));
    }

    [Fact]
    public void Too_few_parameters_fail_before_any_statement_runs()
    {
        using var c = Open("multi_params_missing");
        using var cmd = new TaosCommand("insert into t values (1700000000000, 1, 'a'); insert into t values (1700000000001, ?, 'b')", c);
        Assert.Throws<InvalidOperationException>(() => cmd.ExecuteNonQuery());
        Assert.Throws<InvalidOperationException>(cmd.Prepare);
        Assert.Equal(0, Count(c));
    }

    [Fact]
    public void A_comment_only_command_runs_nothing_and_has_no_result_set_but_an_empty_one_throws()
    {
        using var c = Open("multi_comment");
        using var cmd = new TaosCommand("-- TODO: Write SQL", c);
        using (var r = cmd.ExecuteReader())
        {
            Assert.False(r.HasRows);
            Assert.Equal(0, r.FieldCount);
            Assert.False(r.Read());
            Assert.False(r.NextResult());
            Assert.Equal(-1, r.RecordsAffected);
        }
        Assert.Equal(-1, cmd.ExecuteNonQuery());
        Assert.Null(cmd.ExecuteScalar());
        cmd.CommandText = " ;; ";
        Assert.Equal(-1, cmd.ExecuteNonQuery());
        cmd.CommandText = "  ";
        var e = Assert.Throws<InvalidOperationException>(() => cmd.ExecuteNonQuery());
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Cancel_drops_the_statements_not_started()
    {
        using var c = Open("multi_cancel");
        using var cmd = new TaosCommand("select 1; insert into t values (1700000000000, 1, 'a')", c);
        using (var r = cmd.ExecuteReader())
        {
            Assert.True(r.Read());
            cmd.Cancel();
            Assert.False(r.NextResult());
        }
        Assert.Equal(0, Count(c));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Closing_the_reader_throws_the_error_of_a_remaining_statement_and_closes_all_the_same(bool async)
    {
        using var c = Open("multi_close_fail_" + (async ? "a" : "s"));
        using var cmd = new TaosCommand("select 1; insert into t values (1700000000000, 1, 'a'); insert into nowhere values (now, 1); insert into t values (1700000000001, 2, 'b')", c);
        var r = cmd.ExecuteReader();
        var e = async ? await Assert.ThrowsAsync<TaosException>(() => r.DisposeAsync().AsTask()) : Assert.Throws<TaosException>(r.Close);
        Assert.Contains("Statement 3 of 4", e.Message);
        Assert.True(r.IsClosed);
        Assert.Equal(1, Count(c));
        // The connection is free again.
        Assert.Equal(1L, Convert.ToInt64(new TaosCommand("select 1", c).ExecuteScalar()));
    }

    [Fact]
    public void Closing_the_connection_closes_it_even_when_a_remaining_statement_fails()
    {
        using var c = Open("multi_conn_close");
        using var cmd = new TaosCommand("select 1; insert into nowhere values (now, 1)", c);
        var r = cmd.ExecuteReader();
        Assert.Throws<TaosException>(c.Close);
        Assert.True(r.IsClosed);
        Assert.Equal(ConnectionState.Closed, c.State);
    }

    [Fact]
    public void SchemaOnly_describes_each_result()
    {
        using var c = Open("multi_schema");
        using var cmd = new TaosCommand("select v from t; select s, v from t", c);
        using var r = cmd.ExecuteReader(CommandBehavior.SchemaOnly);
        Assert.Equal(1, r.FieldCount);
        Assert.False(r.Read());
        Assert.True(r.NextResult());
        Assert.Equal(["s", "v"], r.GetColumnSchema().Select(col => col.ColumnName));
        Assert.False(r.NextResult());
    }
}

[Collection(ServerCollection.Name)]
public sealed class MultiStatementTestsOverRest(ServerFixture server) : MultiStatementTests(server);

[Collection(WsServerCollection.Name)]
public sealed class MultiStatementTestsOverWebSocket(WsServerFixture server) : MultiStatementTests(server);
