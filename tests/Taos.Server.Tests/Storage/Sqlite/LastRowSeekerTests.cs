using Taos.Server.Engine.Storage;
using Taos.Server.Tests.Engine;

namespace Taos.Server.Tests.Storage.Sqlite;

/// <summary>The store seeks the rows deciding LAST_ROW and LAST instead of reading the table.</summary>
public sealed class LastRowSeekerTests : EngineTestBase
{
    private List<object?[]> LastRows(string table, IReadOnlyList<int> columns, IReadOnlyList<int> nonNull, long minTs = long.MinValue, long maxTs = long.MaxValue)
    {
        var info = Store.FindTable("d", table) ?? throw new InvalidOperationException(table);
        var rows = new List<object?[]>();
        foreach (var (index, batch) in Store.LastRows([info], minTs, maxTs, columns, nonNull))
        {
            Assert.Equal(0, index);
            for (int r = 0; r < batch.Count; r++) rows.Add(batch.Columns.Select(c => c.GetValue(r)).ToArray());
        }
        return rows;
    }

    [Fact]
    public void Reads_the_last_row_and_each_columns_last_non_null_row_only()
    {
        Exec("create table t (ts timestamp, a int, b varchar(8), c double)");
        var values = Enumerable.Range(0, 500).Select(i => $"({1704067200000L + i * 1000L}, {i}, {(i < 490 ? $"'b{i}'" : "null")}, {(i < 300 ? i / 2.0 : "null")})");
        Exec("insert into t values " + string.Join(" ", values));
        Assert.Equal([[1704067699000L, 499, null, null]], LastRows("t", [0, 1, 2, 3], []));
        Assert.Equal(
            [[1704067499000L, 299, "b299", 149.5], [1704067689000L, 489, "b489", null], [1704067699000L, 499, null, null]],
            LastRows("t", [0, 1, 2, 3], [1, 2, 3]));
        // Only the asked columns, in the asked order; ts need not be among them.
        Assert.Equal([[149.5], [null]], LastRows("t", [3], [3]));
        // A range ends the seek where it ends.
        Assert.Equal([[1704067209000L, 9, "b9"]], LastRows("t", [0, 1, 2], [2], maxTs: 1704067209000L));
        Assert.Empty(LastRows("t", [0, 1], [1], minTs: 1704067700000L));
    }

    [Fact]
    public void A_table_without_rows_and_a_super_table_give_nothing()
    {
        Meters();
        Exec("create table d1 using meters tags (1, 'a')");
        Assert.Empty(LastRows("d1", [0, 1], [1]));
        Assert.Empty(LastRows("meters", [0, 1], [1]));
    }

    [Fact]
    public void Many_tables_in_one_call_give_each_table_with_rows_its_position()
    {
        Meters();
        Exec("insert into d1 using meters tags (1, 'a') values (1704067200000, 1.5, 1, 0.1) (1704067201000, null, 2, 0.2)");
        Exec("create table d2 using meters tags (2, 'b')");
        Exec("insert into d3 using meters tags (3, 'c') values (1704067205000, 3.5, 3, 0.3)");
        Exec("create table nt (ts timestamp, v int)");
        Exec("insert into nt values (1704067209000, 9)");
        var tables = new[] { "d1", "d2", "d3", "nt" }.Select(n => Store.FindTable("d", n)!).ToList();
        var found = Store.LastRows(tables[..3], long.MinValue, long.MaxValue, [0, 1], [1])
            .Select(r => r.Index + ": " + string.Join(", ", Enumerable.Range(0, r.Rows.Count).Select(i => r.Rows.Columns[1].GetValue(i) is { } v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : "NULL")));
        Assert.Equal(["0: 1.5, NULL", "2: 3.5"], found);
        var normal = Assert.Single(Store.LastRows([tables[3]], long.MinValue, long.MaxValue, [1], []));
        Assert.Equal((0, 9), (normal.Index, normal.Rows.Columns[0].GetValue(0)));
        Exec("drop table d1");
        Assert.Equal([2], Store.LastRows(tables[..3], long.MinValue, long.MaxValue, [0], []).Select(r => r.Index));
    }

    [Fact]
    public void One_call_reads_one_snapshot_beside_a_writer()
    {
        Exec("create table a (ts timestamp, v int)");
        Exec("create table b (ts timestamp, v int)");
        Exec("insert into a values (1704067200000, 1)");
        Exec("insert into b values (1704067200000, 2)");
        var tables = new[] { Store.FindTable("d", "a")!, Store.FindTable("d", "b")! };
        using var reading = Store.LastRows(tables, long.MinValue, long.MaxValue, [0, 1], []).GetEnumerator();
        Assert.True(reading.MoveNext());
        Exec("insert into b values (1704067209000, 3)");
        Assert.True(reading.MoveNext());
        Assert.Equal((1, 2), (reading.Current.Index, reading.Current.Rows.Columns[1].GetValue(0)));
        Assert.False(reading.MoveNext());
        Assert.Equal(3, Assert.Single(Rows("select last_row(v) from b"))[0]);
    }

    [Fact]
    public void A_table_stored_in_parts_is_read_across_them()
    {
        Exec($"create table w (ts timestamp, {string.Join(", ", Enumerable.Range(1, 3000).Select(i => $"c{i} int"))})");
        Exec("insert into w (ts, c1, c2999) values (1704067200000, 1, 2999)");
        Exec("insert into w (ts, c1) values (1704067201000, 11)");
        Assert.Equal([[1704067200000L, 1, 2999], [1704067201000L, 11, null]], LastRows("w", [0, 1, 2999], [2999]));
        Assert.Equal(new object?[] { 11, 2999 }, Assert.Single(Rows("select last(c1), last(c2999) from w")));
    }
}
