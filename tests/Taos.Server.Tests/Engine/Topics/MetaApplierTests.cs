using Taos.Server.Engine.Topics;

namespace Taos.Server.Tests.Engine.Topics;

/// <summary>
/// Raw meta applied as TDengine's tmq_write_raw applies it (clientRawBlockWrite.c): what is missing is created or
/// skipped, never an error; a super table ends with the schema its request carries, however often it comes.
/// </summary>
public class MetaApplierTests : EngineTestBase
{
    private static readonly MetaColumn[] Columns = [new("ts", TaosDataType.Timestamp, 8), new("v", TaosDataType.Int, 4)];

    private void Apply(MetaKind kind, params MetaEvent[] events) => new MetaApplier(Engine).Apply(new MetaBatch(kind, events), Session);

    [Fact]
    public void Missing_targets_are_skipped_and_an_empty_request_changes_nothing()
    {
        Apply(MetaKind.CreateTable);
        Apply(MetaKind.CreateTable, new MetaEvent(MetaKind.CreateTable, "", "orphan") { SuperTable = "nowhere", Tags = [new("g", TaosDataType.Int, 0)], TagValues = ["1"] });
        Apply(MetaKind.AlterTable, new MetaEvent(MetaKind.AlterTable, "", "nowhere") { AlterType = MetaJson.DropColumn, ColumnName = "v" });
        Apply(MetaKind.DropTable, new MetaEvent(MetaKind.DropTable, "", "nowhere"));
        Apply(MetaKind.DropStable, new MetaEvent(MetaKind.DropStable, "", "nowhere"));
        Apply(MetaKind.Delete, new MetaEvent(MetaKind.Delete, "", "nowhere") { StartKey = 1, EndKey = 2, TimestampColumn = "ts" });
        Assert.Empty(Rows("show tables"));
        Assert.Empty(Rows("show stables"));
    }

    [Fact]
    public void A_super_table_takes_the_carried_schema_once_whichever_vgroup_sends_it()
    {
        var created = new MetaEvent(MetaKind.CreateStable, "", "st") { Columns = Columns, Tags = [new("g", TaosDataType.Int, 4)] };
        Apply(MetaKind.CreateStable, created);
        Apply(MetaKind.CreateStable, created);
        var altered = created with
        {
            Kind = MetaKind.AlterStable,
            Columns = [.. Columns, new MetaColumn("w", TaosDataType.VarChar, 12)],
            Tags = [new("grp", TaosDataType.Int, 4)],
            AlterType = MetaJson.UpdateTagName,
            ColumnName = "g",
            NewName = "grp",
        };
        Apply(MetaKind.AlterStable, altered);
        Apply(MetaKind.AlterStable, altered);
        Assert.Equal(["ts", "v", "w", "grp"], Rows("describe st").Select(r => (string)r[0]!));
        Assert.Equal(12, Rows("describe st")[2][2]);
    }

    [Fact]
    public void Without_a_current_database_it_is_9750()
    {
        Session.Database = null;
        var e = Assert.Throws<TaosServerException>(() => Apply(MetaKind.DropTable, new MetaEvent(MetaKind.DropTable, "", "t")));
        Assert.Equal(9750, e.Code);
    }
}
