using Taos.Server.Engine;

namespace Taos.Server.Tests.Engine.Views;

/// <summary>
/// TDengine's community edition (the default) refuses the view statements with 0x0100 (parTranslater.c
/// translateCreateView, translateDropView, translateShowCreateView under <c>#ifndef TD_ENTERPRISE</c>); the enterprise
/// edition runs them.
/// </summary>
public class ViewEditionTests : EngineTestBase
{
    public ViewEditionTests()
    {
        Meters();
    }

    [Theory]
    [InlineData("create view v1 as select * from meters")]
    [InlineData("create or replace view v1 as select * from meters")]
    [InlineData("drop view v1")]
    [InlineData("drop view if exists v1")]
    [InlineData("show create view v1")]
    public void The_community_edition_answers_operation_not_supported(string sql)
    {
        Fails(sql, 0x0100, "Operation not supported");
        Assert.Empty(Rows("show views"));
        Assert.Empty(Rows("select * from information_schema.ins_views"));
    }

    [Fact]
    public void The_enterprise_edition_runs_them()
    {
        using var enterprise = new ViewEditionEnterprise();
        enterprise.Run();
    }

    private sealed class ViewEditionEnterprise() : EngineTestBase(edition: TaosServerEdition.Enterprise)
    {
        public void Run()
        {
            Meters();
            Exec("create view v1 as select * from meters");
            Assert.Single(Assert.IsType<RowSetResult>(Exec("show create view v1")).Rows);
            Exec("drop view v1");
            Assert.Empty(Rows("show views"));
        }
    }
}
