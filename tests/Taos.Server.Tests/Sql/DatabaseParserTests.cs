using Taos.Server.Sql;
using Taos.Server.Sql.Ast;
using static Taos.Server.Tests.Sql.Parsing;

namespace Taos.Server.Tests.Sql;

/// <summary>CREATE, DROP, USE and ALTER DATABASE (<c>Parser.Databases.cs</c>).</summary>
public class DatabaseParserTests
{
    [Fact]
    public void CreateDatabase_with_options()
    {
        var s = Parse<CreateDatabaseStatement>(
            "CREATE DATABASE IF NOT EXISTS Power PRECISION 'US' KEEP 3650d, 3650d, 3650d DURATION 10 BUFFER 256 " +
            "CACHEMODEL 'last_row' WAL_RETENTION_PERIOD -1 TABLE_PREFIX -2 REPLICA 1");
        Assert.Equal("power", s.Name);
        Assert.True(s.IfNotExists);
        Assert.Equal(["precision", "keep", "duration", "buffer", "cachemodel", "wal_retention_period", "table_prefix", "replica"],
            s.Options.Select(o => o.Name));
        Assert.Equal(["US"], s.Options[0].Values);
        Assert.Equal(["3650d", "3650d", "3650d"], s.Options[1].Values);
        Assert.Equal(["10"], s.Options[2].Values);
        Assert.Equal(["last_row"], s.Options[4].Values);
        Assert.Equal(["-1"], s.Options[5].Values);
        Assert.Equal(["-2"], s.Options[6].Values);
        Assert.Equal("create database if not exists power precision 'US' keep 3650d, 3650d, 3650d duration 10 buffer 256 cachemodel 'last_row' wal_retention_period -1 table_prefix -2 replica 1", s.Sql);
    }

    [Fact]
    public void CreateDatabase_keep_takes_integers()
    {
        var s = Parse<CreateDatabaseStatement>("create database cx_keep duration 1 keep 3");
        Assert.False(s.IfNotExists);
        Assert.Equal(["3"], s.Options.Single(o => o.Name == "keep").Values);
    }

    [Theory]
    [InlineData("create database d precision ms", "syntax error near \"ms\"")]
    [InlineData("create database d buffer 'x'", "syntax error near \"'x'\"")]
    [InlineData("create database d nosuchoption 1", "syntax error near \"nosuchoption 1\"")]
    [InlineData("create database d keep 1, 'x'", "syntax error near \"'x'\"")]
    public void CreateDatabase_bad_option_is_a_syntax_error(string sql, string message)
    {
        var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
        Assert.Equal(ServerErrorCode.SyntaxError, ex.Code);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void DropDatabase_and_Use()
    {
        var d = Parse<DropDatabaseStatement>("drop database if exists cf_ms");
        Assert.Equal("cf_ms", d.Name);
        Assert.True(d.IfExists);
        Assert.False(Parse<DropDatabaseStatement>("DROP DATABASE x").IfExists);
        Assert.Equal("cx_misc", Parse<UseDatabaseStatement>("use cx_misc").Name);
        Assert.Equal("MyDb", Parse<UseDatabaseStatement>("use `MyDb`").Name);
    }

    [Fact]
    public void Alter_database_options()
    {
        var a = Parse<AlterDatabaseStatement>("alter database power cachemodel 'both' keep 3650 wal_level 2");
        Assert.Equal("power", a.Name);
        Assert.Equal(["cachemodel", "keep", "wal_level"], a.Options.Select(o => o.Name));
        Assert.Throws<TaosServerException>(() => SqlParser.Parse("alter database power"));
    }
}
