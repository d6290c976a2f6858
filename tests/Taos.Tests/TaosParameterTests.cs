using System.Collections;
using System.Data;

namespace Taos.Tests;

/// <summary>The ADO.NET specification's parameter and parameter-collection rules.</summary>
public class TaosParameterTests
{
    [Fact]
    public void DbParameter_defaults_are_the_specification_s()
    {
        var p = new TaosParameter();
        Assert.Equal(DbType.String, p.DbType);
        Assert.False(p.IsNullable);
        Assert.Equal(DataRowVersion.Current, p.SourceVersion);
        Assert.Equal("", p.SourceColumn);
        Assert.Equal(ParameterDirection.Input, p.Direction);
    }

    [Fact]
    public void ResetDbType_without_value_is_String()
    {
        var p = new TaosParameter { DbType = DbType.Int64 };
        p.ResetDbType();
        Assert.Equal(DbType.String, p.DbType);
    }

    [Fact]
    public void SourceColumn_set_to_null_is_empty()
    {
        var p = new TaosParameter { SourceColumn = null };
        Assert.Equal("", p.SourceColumn);
    }

    [Fact]
    public void ParameterCollection_null_parameter_throws_ArgumentNullException()
    {
        using var cmd = new TaosCommand();
        cmd.Parameters.Add(new TaosParameter("a", 1));
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters.Add((object)null!));
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters.Add((TaosParameter)null!));
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters.Insert(0, null!));
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters.Remove(null!));
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters[0] = null!);
        Assert.Throws<ArgumentNullException>(() => cmd.Parameters["a"] = null!);
        Assert.Throws<ArgumentNullException>(() => ((IList)cmd.Parameters)[0] = null);
        Assert.Throws<ArgumentNullException>(() => ((IDataParameterCollection)cmd.Parameters)["a"] = null!);
        Assert.Single(cmd.Parameters);
    }

    [Fact]
    public void ParameterCollection_other_type_throws_InvalidCastException()
    {
        using var cmd = new TaosCommand();
        Assert.Throws<InvalidCastException>(() => cmd.Parameters.Add("x"));
        Assert.Empty(cmd.Parameters);
    }
}
