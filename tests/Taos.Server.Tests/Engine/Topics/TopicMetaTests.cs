using Taos.Server.Engine.Schemaless;
using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Engine.Topics;

/// <summary>
/// WITH META and ONLY META topics: which DDL each topic delivers and the JSON meta of each kind, asserted as TDengine
/// 3.3.0.1's client builds it in source/client/src/clientRawBlockWrite.c (function named per test).
/// </summary>
public class TopicMetaTests : EngineTestBase
{
    private const string Stable =
        "{\"type\":\"create\",\"tableType\":\"super\",\"tableName\":\"st\",\"columns\":["
        + "{\"name\":\"ts\",\"type\":9,\"isPrimarykey\":false,\"encode\":\"delta-i\",\"compress\":\"lz4\",\"level\":\"medium\"},"
        + "{\"name\":\"c1\",\"type\":4,\"isPrimarykey\":false,\"encode\":\"simple8b\",\"compress\":\"lz4\",\"level\":\"medium\"},"
        + "{\"name\":\"c2\",\"type\":8,\"length\":10,\"isPrimarykey\":false,\"encode\":\"disabled\",\"compress\":\"lz4\",\"level\":\"medium\"}],"
        + "\"tags\":[{\"name\":\"t1\",\"type\":4},{\"name\":\"t2\",\"type\":10,\"length\":8}]}";

    public TopicMetaTests() : base(null)
    {
        Exec("create database m vgroups 1");
        Session.Database = "m";
        Exec("create topic all_meta with meta as database m");
        Exec("create topic only_meta only meta as database m");
        Exec("create topic plain as database m");
        Exec("create stable st (ts timestamp, c1 int, c2 varchar(10)) tags (t1 int, t2 nchar(8))");
    }

    private TopicConsumer Subscribe(string topic)
    {
        var consumer = Engine.CreateConsumer("g_" + topic, OffsetReset.Earliest);
        consumer.Subscribe([topic]);
        return consumer;
    }

    /// <summary>Every message left, as its type and its JSON meta (or its rows' count for data).</summary>
    private static List<string> Drain(TopicConsumer consumer)
    {
        var seen = new List<string>();
        while (consumer.Poll() is { } message)
        {
            string body = message.Meta is { } meta ? MetaJson.Write(meta)
                : message.AutoCreated.Count > 0 ? MetaJson.WriteAutoCreated(message.AutoCreated) + " rows:" + message.Blocks.Sum(b => b.Rows.Count)
                : "rows:" + message.Blocks.Sum(b => b.Rows.Count);
            seen.Add(message.MessageType + " " + body);
        }
        return seen;
    }

    [Fact]
    public void Create_stable_is_processCreateStbs_json_with_columns_compression_and_tags()
    {
        Assert.Equal(["2 " + Stable], Drain(Subscribe("all_meta")));
    }

    [Fact]
    public void Create_child_tables_in_one_statement_is_one_buildCreateCTableJson_batch_without_null_tags()
    {
        var consumer = Subscribe("all_meta");
        Drain(consumer);
        Exec("create table c1 using st tags (1, 'a\"b') c2 using st tags (2, null)");
        Assert.Equal(
            ["2 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"c1\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":1},{\"name\":\"t2\",\"type\":10,\"value\":\"\\\"a\\\"b\\\"\"}],"
            + "\"createList\":[{\"tableName\":\"c1\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":1},{\"name\":\"t2\",\"type\":10,\"value\":\"\\\"a\\\"b\\\"\"}]},"
            + "{\"tableName\":\"c2\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":2}]}]}"],
            Drain(consumer));
    }

    [Fact]
    public void Normal_tables_alter_table_and_drops_follow_buildCreateTableJson_processAlterTable_and_processDropTable()
    {
        var consumer = Subscribe("all_meta");
        Drain(consumer);
        Exec("create table n1 (ts timestamp, v double)");
        Exec("alter table n1 add column w varchar(5)");
        Exec("alter table n1 modify column w varchar(9)");
        Exec("alter table n1 rename column w x");
        Exec("alter table n1 drop column x");
        Exec("create table c1 using st tags (1, 'a')");
        Exec("alter table c1 set tag t1 = 7");
        Exec("alter table c1 set tag t2 = null");
        Exec("drop table c1, n1");
        Exec("drop stable st");
        Assert.Equal(
        [
            "2 {\"type\":\"create\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"columns\":[{\"name\":\"ts\",\"type\":9,\"isPrimarykey\":false,\"encode\":\"delta-i\",\"compress\":\"lz4\",\"level\":\"medium\"},"
                + "{\"name\":\"v\",\"type\":7,\"isPrimarykey\":false,\"encode\":\"delta-d\",\"compress\":\"lz4\",\"level\":\"medium\"}],\"tags\":[]}",
            "2 {\"type\":\"alter\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"alterType\":5,\"colName\":\"w\",\"colType\":8,\"colLength\":5}",
            "2 {\"type\":\"alter\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"alterType\":7,\"colName\":\"w\",\"colType\":8,\"colLength\":9}",
            "2 {\"type\":\"alter\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"alterType\":10,\"colName\":\"w\",\"colNewName\":\"x\"}",
            "2 {\"type\":\"alter\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"alterType\":6,\"colName\":\"x\"}",
            "2 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"c1\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":1},{\"name\":\"t2\",\"type\":10,\"value\":\"\\\"a\\\"\"}],\"createList\":[]}",
            "2 {\"type\":\"alter\",\"tableType\":\"child\",\"tableName\":\"c1\",\"alterType\":4,\"colName\":\"t1\",\"colValue\":\"7\",\"colValueNull\":false}",
            "2 {\"type\":\"alter\",\"tableType\":\"child\",\"tableName\":\"c1\",\"alterType\":4,\"colName\":\"t2\",\"colValueNull\":true}",
            "2 {\"type\":\"drop\",\"tableNameList\":[\"c1\",\"n1\"]}",
            "2 {\"type\":\"drop\",\"tableType\":\"super\",\"tableName\":\"st\"}",
        ], Drain(consumer));
    }

    [Fact]
    public void Alter_stable_follows_buildAlterSTableJson_per_alter_type()
    {
        var consumer = Subscribe("all_meta");
        Drain(consumer);
        Exec("alter stable st add column c3 nchar(4)");
        Exec("alter stable st drop column c3");
        Exec("alter stable st add tag t3 binary(6)");
        Exec("alter stable st modify tag t3 binary(12)");
        Exec("alter stable st rename tag t3 t4");
        Exec("alter stable st drop tag t4");
        Exec("alter stable st modify column c2 varchar(20)");
        Assert.Equal(
        [
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":5,\"colName\":\"c3\",\"colType\":10,\"colLength\":4}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":6,\"colName\":\"c3\"}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":1,\"colName\":\"t3\",\"colType\":8,\"colLength\":6}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":8,\"colName\":\"t3\",\"colType\":8,\"colLength\":12}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":3,\"colName\":\"t3\",\"colNewName\":\"t4\"}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":2,\"colName\":\"t4\"}",
            "2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"st\",\"alterType\":7,\"colName\":\"c2\",\"colType\":8,\"colLength\":20}",
        ], Drain(consumer));
    }

    [Fact]
    public void An_insert_that_creates_its_table_is_a_data_and_meta_message_and_delete_is_processDeleteTables_sql()
    {
        var consumer = Subscribe("all_meta");
        Drain(consumer);
        Exec("insert into c9 using st tags (3, 'z') values (1704067201000, 1, 'x') (1704067202000, 2, 'y')");
        Exec("insert into c9 values (1704067203000, 3, 'w')");
        Assert.Equal(
        [
            "3 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"c9\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":3},{\"name\":\"t2\",\"type\":10,\"value\":\"\\\"z\\\"\"}],\"createList\":[]} rows:2",
            "1 rows:1",
        ], Drain(consumer));
        Exec("delete from c9 where ts >= 1704067201000 and ts <= 1704067202500");
        Assert.Equal(
        [
            "2 {\"type\":\"delete\",\"sql\":\"delete from `c9` where `ts` >= 1704067201000 and `ts` <= 1704067202000\"}",
        ], Drain(consumer));
    }

    [Fact]
    public void Numeric_bool_and_timestamp_tags_are_cjson_numbers_and_set_tag_values_dataConverToStr_text()
    {
        Exec("create stable s2 (ts timestamp, v int) tags (b bool, d double, big bigint, t timestamp, u tinyint unsigned)");
        Exec("create table k1 using s2 tags (true, 1.25, 123456789012345678, 1704067200000, 200)");
        Exec("alter table k1 set tag d = 2.5");
        Exec("alter table k1 set tag b = false");
        var seen = Drain(Subscribe("all_meta")).Skip(2).ToList();
        Assert.Equal(
        [
            "2 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"k1\",\"using\":\"s2\",\"tagNum\":5,\"tags\":[{\"name\":\"b\",\"type\":1,\"value\":1},"
                + "{\"name\":\"d\",\"type\":7,\"value\":1.25},{\"name\":\"big\",\"type\":5,\"value\":1.2345678901234568e+17},"
                + "{\"name\":\"t\",\"type\":9,\"value\":1704067200000},{\"name\":\"u\",\"type\":11,\"value\":200}],\"createList\":[]}",
            "2 {\"type\":\"alter\",\"tableType\":\"child\",\"tableName\":\"k1\",\"alterType\":4,\"colName\":\"d\",\"colValue\":\"2.500000e+00\",\"colValueNull\":false}",
            "2 {\"type\":\"alter\",\"tableType\":\"child\",\"tableName\":\"k1\",\"alterType\":4,\"colName\":\"b\",\"colValue\":\"false\",\"colValueNull\":false}",
        ], seen);
    }

    [Fact]
    public void Schemaless_ingest_delivers_its_super_table_then_its_rows_with_the_child_table_they_created()
    {
        var consumer = Subscribe("all_meta");
        Drain(consumer);
        Engine.InsertSchemaless("root", "m", "sml,host=a v=1i 1704067200000", SmlProtocol.Line, SmlTimeUnit.Milliseconds);
        Engine.InsertSchemaless("root", "m", "sml,host=a v=2i,w=3i 1704067201000", SmlProtocol.Line, SmlTimeUnit.Milliseconds);
        var seen = Drain(consumer);
        Assert.Equal(["2", "3", "2", "1"], seen.Select(m => m[..1]));
        Assert.StartsWith("2 {\"type\":\"create\",\"tableType\":\"super\",\"tableName\":\"sml\"", seen[0], StringComparison.Ordinal);
        Assert.EndsWith("rows:1", seen[1], StringComparison.Ordinal);
        Assert.StartsWith("2 {\"type\":\"alter\",\"tableType\":\"super\",\"tableName\":\"sml\",\"alterType\":5,\"colName\":\"w\",\"colType\":5}", seen[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Only_meta_delivers_the_ddl_without_rows_or_deletes_and_a_plain_topic_only_rows()
    {
        Exec("insert into c9 using st tags (3, 'z') values (1704067201000, 1, 'x')");
        Exec("create table n1 (ts timestamp, v double)");
        Exec("insert into n1 values (1704067201000, 1.5)");
        Exec("delete from n1");
        Assert.Equal(["2 " + Stable,
            "2 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"c9\",\"using\":\"st\",\"tagNum\":2,\"tags\":[{\"name\":\"t1\",\"type\":4,\"value\":3},{\"name\":\"t2\",\"type\":10,\"value\":\"\\\"z\\\"\"}],\"createList\":[]}",
            "2 {\"type\":\"create\",\"tableType\":\"normal\",\"tableName\":\"n1\",\"columns\":["
            + "{\"name\":\"ts\",\"type\":9,\"isPrimarykey\":false,\"encode\":\"delta-i\",\"compress\":\"lz4\",\"level\":\"medium\"},"
            + "{\"name\":\"v\",\"type\":7,\"isPrimarykey\":false,\"encode\":\"delta-d\",\"compress\":\"lz4\",\"level\":\"medium\"}],\"tags\":[]}"],
            Drain(Subscribe("only_meta")));
        Assert.Equal(["1 rows:1"], Drain(Subscribe("plain")));
    }

    [Fact]
    public void A_stable_topic_with_meta_gets_only_its_super_tables_ddl_and_each_vgroup_gets_the_super_tables()
    {
        Exec("create stable other (ts timestamp, v int) tags (g int)");
        Exec("create topic st_meta with meta as stable st");
        Exec("create table o1 using other tags (1)");
        Exec("create table c1 using st tags (1, 'a')");
        Exec("drop table o1");
        var seen = Drain(Subscribe("st_meta"));
        Assert.Equal(2, seen.Count);
        Assert.StartsWith("2 {\"type\":\"create\",\"tableType\":\"child\",\"tableName\":\"c1\"", seen[1]);

        Exec("create database m2 vgroups 2");
        Exec("create topic m2_meta only meta as database m2");
        Exec("create stable m2.s (ts timestamp, v int) tags (g int)");
        Assert.Equal(2, Drain(Subscribe("m2_meta")).Count(s => s.StartsWith("2 {\"type\":\"create\",\"tableType\":\"super\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Meta_survives_a_restart_and_commit_counts_it_like_rows()
    {
        var consumer = Subscribe("all_meta");
        Assert.Single(Drain(consumer));
        consumer.Commit();
        consumer.Unsubscribe();
        Exec("create table n1 (ts timestamp, v double)");
        Reopen();
        Session.Database = "m";
        var again = Subscribe("all_meta");
        var seen = Drain(again);
        Assert.Single(seen);
        Assert.Contains("\"tableName\":\"n1\"", seen[0], StringComparison.Ordinal);
    }
}
