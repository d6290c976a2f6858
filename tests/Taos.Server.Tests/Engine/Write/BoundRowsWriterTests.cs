using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using Taos.Server.Storage.Sqlite;
using Taos.Server.Tests.Storage;

namespace Taos.Server.Tests.Engine.Write;

/// <summary>Bound rows (stmt, raw blocks) resolved and written through the INSERT write path.</summary>
public sealed class BoundRowsWriterTests : IDisposable
{
    private const long Ts = 1704067200000L;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "taos-bound-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStore _store;
    private readonly BoundRowsWriter _writer;
    private readonly SqlSession _session = new() { Database = "d" };

    public BoundRowsWriterTests()
    {
        _store = new SqliteStore(_dir);
        _store.Write(tx =>
        {
            tx.CreateDatabase(new DatabaseInfo("d", TaosPrecision.Milliseconds, new Dictionary<string, string>()));
            return tx.CreateTable(new TableInfo("d", "st", TableKind.Super, null,
                [new ColumnInfo("ts", TaosDataType.Timestamp, 8), new ColumnInfo("a", TaosDataType.Int, 4), new ColumnInfo("s", TaosDataType.VarChar, 3)],
                [new ColumnInfo("g", TaosDataType.Int, 4)], null));
        });
        _writer = new BoundRowsWriter(new WriteExecutor(_store, () => { }), _store);
    }

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static InsertTemplate Template(string sql) => InsertTemplate.From((InsertStatement)SqlParser.Parse(sql));

    [Fact]
    public void A_template_counts_its_placeholders_and_refuses_literal_values()
    {
        var template = Template("insert into ? using st tags(?) values(?, ?, ?)");
        Assert.Equal((true, 1, 3, 5), (template.TableIsParameter, template.TagParameters, template.ColumnParameters, template.Parameters));
        var literal = Assert.Throws<TaosServerException>(() => Template("insert into t values(?, 1, ?)"));
        Assert.Equal(554, literal.Code);
        Assert.Equal(554, Assert.Throws<TaosServerException>(() => Template("insert into t values(?, ?) (?, ?)")).Code);
    }

    [Fact]
    public void A_column_list_binds_those_columns_and_the_child_table_is_created_with_its_tags()
    {
        var target = BoundTarget.Resolve(_store, Template("insert into ? using st tags(?) (ts, s) values(?, ?)"), new TableName(null, "c1"), _session);
        Assert.Equal([0, 2], target.Columns);
        Assert.Equal(["ts", "s"], target.BoundColumns.Select(c => c.Name));
        var table = new BoundTable(target) { Tags = [9] };
        object?[] row = [Ts, null, "abc"];
        BoundValues.CheckRow(target.Schema, target.Columns, row);
        table.Add([row]);

        Assert.Equal(1, _writer.Write([table]));
        var created = _store.FindTable("d", "c1")!;
        Assert.Equal([9], created.TagValues!);
        Assert.Equal([Ts, null, "abc"], Assert.Single(_store.ScanRows(created, long.MinValue, long.MaxValue)));
    }

    [Fact]
    public void Two_bound_tables_of_one_name_write_as_one_and_missing_tags_or_tables_fail_before_writing()
    {
        var template = Template("insert into ? using st tags(?) values(?, ?, ?)");
        var target = BoundTarget.Resolve(_store, template, new TableName(null, "c2"), _session);
        var first = new BoundTable(target) { Tags = [1] };
        first.Add([[Ts, 1, "x"]]);
        var second = new BoundTable(target) { Tags = [1] };
        second.Add([[Ts, null, "y"], [Ts + 1, 2, null]]);
        Assert.Equal(2, _writer.Write([first, second]));
        Assert.Equal([Ts, 1, "y"], _store.ScanRows(_store.FindTable("d", "c2")!, long.MinValue, long.MaxValue).First());

        var untagged = new BoundTable(BoundTarget.Resolve(_store, template, new TableName(null, "c3"), _session));
        untagged.Add([[Ts, 1, "x"]]);
        Assert.Equal(554, Assert.Throws<TaosServerException>(() => _writer.Write([untagged])).Code);
        Assert.Null(_store.FindTable("d", "c3"));
        var missing = Assert.Throws<TaosServerException>(() => BoundTarget.Resolve(_store, Template("insert into nope values(?, ?, ?)"), new TableName(null, "nope"), _session));
        Assert.Equal(9731, missing.Code);
        Assert.Equal(512, Assert.Throws<TaosServerException>(() => BoundTarget.Resolve(_store, Template("insert into st values(?, ?, ?)"), new TableName(null, "st"), _session)).Code);
    }

    [Fact]
    public void Bound_values_are_checked_for_type_length_json_and_a_null_timestamp()
    {
        var s = new ColumnInfo("s", TaosDataType.VarChar, 3);
        var n = new ColumnInfo("n", TaosDataType.NChar, 2);
        Assert.Equal("abc", BoundValues.Check(s, "abc", primaryKey: false));
        Assert.Equal(9811, Assert.Throws<TaosServerException>(() => BoundValues.Check(s, "abcd", primaryKey: false)).Code);
        Assert.Equal(9811, Assert.Throws<TaosServerException>(() => BoundValues.Check(s, "éé", primaryKey: false)).Code);
        Assert.Equal("中文", BoundValues.Check(n, "中文", primaryKey: false));
        Assert.Equal(534, Assert.Throws<TaosServerException>(() => BoundValues.Check(new ColumnInfo("j", TaosDataType.Json, 4095), "[1]", primaryKey: false)).Code);
        Assert.Equal("{\"a\":1}", BoundValues.Check(new ColumnInfo("j", TaosDataType.Json, 4095), "{\"a\": 1}", primaryKey: false));
        Assert.Equal(534, Assert.Throws<TaosServerException>(() => BoundValues.Check(new ColumnInfo("i", TaosDataType.Int, 4), 1L, primaryKey: false)).Code);
        Assert.Equal(512, Assert.Throws<TaosServerException>(() => BoundValues.Check(new ColumnInfo("ts", TaosDataType.Timestamp, 8), null, primaryKey: true)).Code);
    }
}
