using System.Text;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Tests.Sql;

/// <summary>INSERT … VALUES, INSERT … SELECT and the values they take (<c>Parser.Insert.cs</c>, <c>Parser.InsertValues.cs</c>).</summary>
public class InsertParserTests
{
    private static InsertStatement Parse(string sql) => Assert.IsType<InsertStatement>(SqlParser.Parse(sql));

    private static TaosServerException Fails(string sql) => Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));

    [Fact]
    public void Several_rows_and_tables()
    {
        var s = Parse("insert into d1002 values (1704067200000, 10.2, 220, 0.23) d1003 values (1704067200000, 11.8, 221, 0.28) (1704067210000, 13.4, 223, 0.29)");
        Assert.Equal(2, s.Clauses.Count);
        Assert.Equal(new TableName(null, "d1002"), s.Clauses[0].Table);
        Assert.Single(s.Clauses[0].Rows);
        Assert.Equal(2, s.Clauses[1].Rows.Count);
        Assert.Equal(["1704067210000", "13.4", "223", "0.29"], s.Clauses[1].Rows[1].Values.Select(v => v.Text));
        Assert.All(s.Clauses[1].Rows[1].Values, v => Assert.Equal(InsertValueKind.Number, v.Kind));
        Assert.Null(s.Clauses[0].Using);
        Assert.Null(s.Clauses[0].ColumnNames);
    }

    [Fact]
    public void Rows_may_be_separated_by_commas()
    {
        var s = Parse("insert into t values (1, 2), (3, 4),(5, 6)");
        Assert.Equal(3, s.Clauses[0].Rows.Count);
    }

    [Fact]
    public void Using_clause_with_tag_names_and_column_list()
    {
        const string sql = "INSERT INTO db.d1004 USING db.meters (groupid, location) TAGS (3, 'California.LosAngeles') (ts, current) VALUES (1704067200000, 10.8)";
        var s = Parse(sql);
        var clause = Assert.Single(s.Clauses);
        Assert.Equal(new TableName("db", "d1004"), clause.Table);
        Assert.Equal(new TableName("db", "meters"), clause.Using!.Stable);
        Assert.Equal(["groupid", "location"], clause.Using.TagNames!);
        Assert.Equal(["3", "California.LosAngeles"], clause.Using.TagValues.Values.Select(v => v.Text));
        Assert.Equal(')', s.Sql[clause.Using.TagValues.CloseParenPosition]);
        Assert.Equal(["ts", "current"], clause.ColumnNames!.Select(n => n.Name));
        Assert.Equal(s.Sql.IndexOf("current)", StringComparison.Ordinal), clause.ColumnNames![1].Position);
    }

    [Fact]
    public void Column_list_may_come_before_using()
    {
        var clause = Parse("insert into t (ts, v) using st tags (1) values (1, 2)").Clauses[0];
        Assert.Equal(["ts", "v"], clause.ColumnNames!.Select(n => n.Name));
        Assert.NotNull(clause.Using);
    }

    [Fact]
    public void Tag_values_may_omit_commas_like_tdengine()
    {
        var clause = Parse("insert into t using st tags (1 'x') values (1, 2)").Clauses[0];
        Assert.Equal(["1", "x"], clause.Using!.TagValues.Values.Select(v => v.Text));
    }

    [Fact]
    public void Value_kinds_and_texts()
    {
        const string sql = "insert into at1 values (NOW, true, -128, +1, -3.4e38, 0x1F, 0b101, 'v''q', \"b\\\"q\", NULL, today(), now(), abc, '\\x0102ab', 'Mixed Case')";
        var row = Parse(sql).Clauses[0].Rows[0].Values;
        Assert.Equal(
            [
                InsertValueKind.TimeFunction, InsertValueKind.Bool, InsertValueKind.Number, InsertValueKind.Number,
                InsertValueKind.Number, InsertValueKind.Number, InsertValueKind.Number, InsertValueKind.String,
                InsertValueKind.String, InsertValueKind.Null, InsertValueKind.TimeFunction, InsertValueKind.TimeFunction,
                InsertValueKind.Word, InsertValueKind.String, InsertValueKind.String,
            ],
            row.Select(v => v.Kind));
        Assert.Equal(
            ["now", "true", "-128", "+1", "-3.4e38", "0x1f", "0b101", "v'q", "b\"q", "null", "today", "now", "abc", "\\x0102ab", "Mixed Case"],
            row.Select(v => v.Text));
    }

    [Fact]
    public void Positions_point_into_the_lowercased_statement()
    {
        const string sql = "insert into d1001 values (1704067300000, 'abc', 1, 99999999999)";
        var s = Parse(sql);
        var values = s.Clauses[0].Rows[0].Values;
        Assert.Equal(sql.IndexOf("'abc'", StringComparison.Ordinal), values[1].Position);
        Assert.Equal("99999999999)", s.Sql[values[3].Position..]);
        Assert.Equal(sql.Length - 1, s.Clauses[0].Rows[0].CloseParenPosition);
    }

    [Fact]
    public void Timestamp_offsets_are_collected()
    {
        var row = Parse("insert into t values (now + 1s, 1) (1704067200000 - 10a, 2) ('2024-01-01 00:00:00'+1d, 3) (now()-1w, 4)").Clauses[0].Rows;
        Assert.Equal(('+', new Duration(1, 's', "1s")), Assert.Single(row[0].Values[0].Offsets));
        Assert.Equal(('-', new Duration(10, 'a', "10a")), Assert.Single(row[1].Values[0].Offsets));
        Assert.Equal(('+', new Duration(1, 'd', "1d")), Assert.Single(row[2].Values[0].Offsets));
        Assert.Equal(('-', new Duration(1, 'w', "1w")), Assert.Single(row[3].Values[0].Offsets));
        Assert.Empty(row[0].Values[1].Offsets);
    }

    [Fact]
    public void Value_counts_are_left_to_the_engine()
    {
        var rows = Parse("insert into t values (1704067300000, 'abc', 1, 1) (1, 2) (1, 2, 3, 4, 5, 6)").Clauses[0].Rows;
        Assert.Equal([4, 2, 6], rows.Select(r => r.Values.Count));
    }

    [Fact]
    public void Column_names_are_not_checked_by_the_parser()
    {
        var names = Parse("insert into t (ts, `Value`, value, 1) values (1, 2, 3, 4)").Clauses[0].ColumnNames!;
        Assert.Equal(["ts", "Value", "value", "1"], names.Select(n => n.Name));
    }

    [Fact]
    public void Quoted_and_backquoted_table_names()
    {
        var s = Parse("insert into `MyTable` values (1, 2) 'other' values (1, 2) db.`T` values (1, 2)");
        Assert.Equal(
            [new TableName(null, "MyTable"), new TableName(null, "other"), new TableName("db", "T")],
            s.Clauses.Select(c => c.Table));
    }

    [Theory]
    [InlineData("insert into t values (1, 'a'", "syntax error near ', expected'")]
    [InlineData("insert into t values (1, ", "syntax error near 'invalid data or symbol'")]
    [InlineData("insert into t values (1 2)", "syntax error near '2)' (, expected)")]
    [InlineData("insert into t values ()", "syntax error near ')' (invalid data or symbol)")]
    [InlineData("insert into t values (1, )", "syntax error near ')' (invalid data or symbol)")]
    [InlineData("insert into t values (*)", "syntax error near '*)' (invalid data or symbol)")]
    [InlineData("insert into t values", "syntax error near 'no any data points'")]
    [InlineData("insert into t values 1", "syntax error near 'no any data points'")]
    [InlineData("insert into t using st (g) values (1)", "syntax error near 'values (1)' (TAGS is expected)")]
    [InlineData("insert into t using st tags 1 values (1)", "syntax error near '1 values (1)' (( is expected)")]
    [InlineData("insert into values values (1)", "syntax error near 'values values (1)' (table_name is expected)")]
    [InlineData("insert into t using st tags (1) (ts)", "syntax error near 'keyword VALUES or FILE is expected'")]
    [InlineData("insert t values (1)", "syntax error near 't values (1)' (keyword INTO is expected)")]
    public void Insert_syntax_errors_use_the_insert_scanner_texts(string sql, string message)
    {
        var ex = Fails(sql);
        Assert.Equal(ServerErrorCode.InvalidValue, ex.Code);
        Assert.Equal(message, ex.Message);
    }

    /// <summary>taosAdapter refuses CSV import itself (recorded: rest-breadth misc#6).</summary>
    [Theory]
    [InlineData("insert into t1 file '/tmp/br_misc.csv'")]
    [InlineData("insert into t using st tags (1) file 'x.csv'")]
    public void Insert_file_is_refused_as_taosAdapter_refuses_csv_loading(string sql)
    {
        var ex = Fails(sql);
        Assert.Equal(512, ex.Code);
        Assert.Equal("proxy mode does not support csv loading", ex.Message);
    }

    [Fact]
    public void Insert_error_quotes_at_most_63_bytes()
    {
        var ex = Fails("insert into t values (1 x, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)");
        Assert.Equal("syntax error near 'x, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ' (, expected)", ex.Message);
    }

    [Fact]
    public void Too_long_table_name_in_insert_is_an_invalid_operation()
    {
        var ex = Fails($"insert into {new string('t', 193)} values (1, 2)");
        Assert.Equal(512, ex.Code);
        Assert.Equal("name too long", ex.Message);
        Parse($"insert into {new string('t', 192)} values (1, 2)");
    }

    [Fact]
    public void Insert_without_values_goes_through_the_grammar()
    {
        var ex = Fails("insert into");
        Assert.Equal(ServerErrorCode.IncompleteSql, ex.Code);
        ex = Fails("insert into t (a, b)");
        Assert.Equal(ServerErrorCode.IncompleteSql, ex.Code);
        ex = Fails("insert into t xyz");
        Assert.Equal("syntax error near \"xyz\"", ex.Message);
    }

    [Fact]
    public void Prepared_statement_placeholders()
    {
        var clause = Parse("insert into ? using meters tags(?, ?) values(?, ?, ?, ?)").Clauses[0];
        Assert.Equal(new TableName(null, "?"), clause.Table);
        Assert.All(clause.Using!.TagValues.Values, v => Assert.Equal((InsertValueKind.Placeholder, "?"), (v.Kind, v.Text)));
        Assert.Equal(4, clause.Rows[0].Values.Count(v => v.Kind == InsertValueKind.Placeholder));
    }

    [Fact]
    public void Semicolon_ends_the_insert()
    {
        var s = Parse("insert into t values (1, 2); garbage here");
        Assert.Single(s.Clauses);
    }

    [Fact]
    public void Ten_thousand_rows_parse()
    {
        var sb = new StringBuilder("insert into d1001 values ");
        for (int i = 0; i < 10_000; i++)
        {
            sb.Append("(").Append(1704067200000L + i).Append(", ").Append(i * 0.5).Append(", ").Append(i)
              .Append(", 'location value number ").Append(i).Append("', 0.31, now + 1s) ");
        }
        var sql = sb.ToString();
        Assert.True(sql.Length > 700_000);
        var s = Assert.IsType<InsertStatement>(SqlParser.Parse(sql));
        Assert.Equal(10_000, s.Clauses[0].Rows.Count);
        Assert.Equal("location value number 9999", s.Clauses[0].Rows[9999].Values[3].Text);
    }

    [Fact]
    public void Insert_from_query()
    {
        var s = Assert.IsType<InsertSelectStatement>(SqlParser.Parse("insert into t2 (ts, v) select ts, v from t1 where v > 1"));
        Assert.Equal(new TableName(null, "t2"), s.Table);
        Assert.Equal(["ts", "v"], s.Columns!);
        Assert.Equal("v > 1", s.Query.Where!.Text);
        Assert.Null(Assert.IsType<InsertSelectStatement>(SqlParser.Parse("insert into t2 select * from t1")).Columns);
    }
}
