using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE INDEX and DROP INDEX (<c>Parser.Indexes.cs</c>).</summary>
public class IndexParserTests
{
    [Fact]
    public void Create_and_drop_index()
    {
        var c = Parse<CreateIndexStatement>("create index if not exists db1.idx_loc on db1.meters (loc)");
        Assert.Equal((true, new TableName("db1", "idx_loc"), new TableName("db1", "meters")), (c.IfNotExists, c.Name, c.Table));
        Assert.Equal(["loc"], c.Columns);
        Assert.False(Parse<CreateIndexStatement>("create index i on m (`Loc`)").IfNotExists);
        var d = Parse<DropIndexStatement>("drop index if exists idx_loc");
        Assert.Equal((true, new TableName(null, "idx_loc")), (d.IfExists, d.Name));
        Assert.Equal(9729, Assert.Throws<TaosServerException>(() => SqlParser.Parse("create index i on m")).Code);
        Assert.Equal(9728, Assert.Throws<TaosServerException>(() => SqlParser.Parse("create index i m (loc)")).Code);
    }
}
