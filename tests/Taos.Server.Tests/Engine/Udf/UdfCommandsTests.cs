using Taos.Server.Engine;
using Taos.Server.Engine.Users;
using Taos.Server.Storage.Sqlite;

namespace Taos.Server.Tests.Engine.Udf;

/// <summary>
/// CREATE/DROP FUNCTION, SHOW FUNCTIONS and ins_functions as TDengine 3.3.0.1 answers them (parTranslater.c
/// translateCreateFunction, mndFunc.c), the library read on the server's host, durable across restarts.
/// </summary>
public sealed class UdfCommandsTests : EngineTestBase
{
    private readonly string _library;

    public UdfCommandsTests()
    {
        Directory.CreateDirectory(Dir);
        _library = Path.Combine(Dir, "libudf.so");
        File.WriteAllBytes(_library, [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
    }

    private string Library(byte[] bytes, string name = "lib2.so")
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private List<object?[]> Functions() =>
        Rows("select name, `comment`, `aggregate`, output_type, code_len, `bufsize`, func_language, func_version from information_schema.ins_functions");

    [Fact]
    public void Create_stores_the_function_as_the_mnode_shows_it()
    {
        Assert.Equal(0, Affected($"create function bit_and as '{_library}' outputtype int"));
        Assert.Equal(0, Affected($"create aggregate function l2norm as '{_library}' outputtype double bufsize 8 language 'python'"));
        Assert.Equal(0, Affected($"create function tostr as '{_library}' outputtype nchar(10)"));
        Assert.Equal(0, Affected($"create function tobin as '{_library}' outputtype binary(12)"));
        Assert.Equal(
        [
            ["bit_and", null, 0, "INT", 7, 0, "C", 0],
            ["l2norm", null, 1, "DOUBLE", 7, 8, "Python", 0],
            ["tostr", null, 0, "NCHAR(10)", 7, 0, "C", 0],
            ["tobin", null, 0, "VARCHAR(12)", 7, 0, "C", 0],
        ], Functions());
        var result = Assert.IsType<RowSetResult>(Exec("select * from information_schema.ins_functions"));
        Assert.Equal(["name", "comment", "aggregate", "output_type", "create_time", "code_len", "bufsize", "func_language", "func_body", "func_version"],
            result.Columns.Select(c => c.Name));
        Assert.Equal([64, 4095, 4, 31, 8, 4, 4, 31, 65517, 4], result.Columns.Select(c => c.Length));
        Assert.Equal("\u007FELF\u0001\u0002\u0003", result.Rows.First()[8]);
        Assert.Equal([["bit_and"], ["l2norm"], ["tostr"], ["tobin"]], Rows("show functions"));
    }

    [Fact]
    public void Or_replace_bumps_the_version_and_keeps_the_creation_time_if_not_exists_keeps_the_old()
    {
        Affected($"create function f1 as '{_library}' outputtype int");
        long created = (long)Rows("select create_time from information_schema.ins_functions")[0][0]!;
        Fails($"create function f1 as '{_library}' outputtype int", 883, "Func already exists");
        string bigger = Library([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(0, Affected($"create function if not exists f1 as '{bigger}' outputtype bigint"));
        Assert.Equal("INT", Functions()[0][3]);
        Assert.Equal(0, Affected($"create or replace function f1 as '{bigger}' outputtype bigint"));
        Assert.Equal(0, Affected($"create or replace function f1 as '{bigger}' outputtype bigint"));
        Assert.Equal(["f1", null, 0, "BIGINT", 10, 0, "C", 2], Functions()[0]);
        Assert.Equal(created, (long)Rows("select create_time from information_schema.ins_functions")[0][0]!);
        Assert.Equal(0, Affected($"create or replace function f2 as '{bigger}' outputtype bigint"));
        Assert.Equal(0, Functions()[1][7]);
    }

    [Fact]
    public void Drop_removes_the_function_and_if_exists_forgives_a_missing_one()
    {
        Affected($"create function f1 as '{_library}' outputtype int");
        Assert.Equal(0, Affected("drop function f1"));
        Assert.Empty(Functions());
        Fails("drop function f1", 884, "Func not exists");
        Assert.Equal(0, Affected("drop function if exists f1"));
    }

    [Fact]
    public void The_translator_refuses_builtin_names_bad_output_types_and_bufsize_of_scalar_functions()
    {
        Fails($"create function abs as '{_library}' outputtype int", 9805, "Invalid function name");
        Fails($"create aggregate function sample as '{_library}' outputtype int", 9805, "Invalid function name");
        Fails($"create function `_wstart` as '{_library}' outputtype int", 9805, "Invalid function name");
        Fails($"create function f as '{_library}' outputtype json", 9728, "Unsupported output type for UDF");
        Fails($"create function f as '{_library}' outputtype varbinary(8)", 9728, "Unsupported output type for UDF");
        Fails($"create function f as '{_library}' outputtype int bufsize 8", 9728, "BUFSIZE can only be used with UDAF");
        Assert.Equal(0, Affected($"create function `ABS` as '{_library}' outputtype int"));
    }

    [Fact]
    public void The_library_file_is_read_on_the_server_host_with_the_clients_errors()
    {
        var missing = Assert.Throws<TaosServerException>(() => Exec($"create function f as '{Path.Combine(Dir, "nope.so")}' outputtype int"));
        Assert.Equal((unchecked((int)0x80FF0002), "No such file or directory"), (missing.Code, missing.Message));
        Fails($"create function f as '{Library([], "empty.so")}' outputtype int", 538, "File is empty");
        Fails($"create function f as '{Dir}' outputtype int", 272, "Unexpected generic error");
        Fails($"create function f as '{Library([9], "one.so")}' outputtype int", 882, "Invalid func code");
        Fails($"create function if not exists f as '{Path.Combine(Dir, "nope.so")}' outputtype int", unchecked((int)0x80FF0002), "No such file or directory");
        Assert.Empty(Functions());
    }

    [Fact]
    public void Bufsize_must_lie_within_tdengines_limit()
    {
        Fails($"create aggregate function f as '{_library}' outputtype int bufsize 262145", 885, "Invalid func bufSize");
        Fails($"create aggregate function f as '{_library}' outputtype int bufsize 4294967295", 885, "Invalid func bufSize");
        Assert.Equal(0, Affected($"create aggregate function f as '{_library}' outputtype int bufsize 262144"));
    }

    [Fact]
    public void A_query_calling_a_udf_answers_what_tdengine_without_udfd_answers()
    {
        Exec("create table t (ts timestamp, v int)");
        Exec("insert into t values (1704067200000, 5)");
        Fails("select myfun(v) from t", 884, "Func not exists");
        Affected($"create function myfun as '{_library}' outputtype int");
        Fails("select myfun(v) from t", 10499, "udf pipe connect error");
        Fails("select ts from t where myfun(v) > 1 union all select ts from t", 10499, "udf pipe connect error");
        Fails("select * from (select `myfun`(v) from t)", 10499, "udf pipe connect error");
        Assert.Equal([[5]], Rows("select v as myfun from t"));
        Assert.Equal([[5]], Rows("select v from t where 'myfun(v)' <> ''"));
        Affected("drop function myfun");
        Fails("select myfun(v) from t", 884, "Func not exists");
    }

    [Fact]
    public void Functions_survive_a_restart()
    {
        Affected($"create aggregate function agg1 as '{_library}' outputtype float bufsize 16 language 'Python'");
        Affected($"create or replace aggregate function agg1 as '{_library}' outputtype float bufsize 16 language 'Python'");
        Affected($"create function s1 as '{_library}' outputtype timestamp");
        var before = Rows("select * from information_schema.ins_functions");
        Reopen();
        Assert.Equal(before, Rows("select * from information_schema.ins_functions"));
        Assert.Equal(1, Rows("select func_version from information_schema.ins_functions where name = 'agg1'")[0][0]);
    }

    [Fact]
    public void Only_the_super_user_creates_and_drops_functions_when_privileges_are_enforced()
    {
        string dir = Path.Combine(Path.GetTempPath(), "taos-udf-enforced-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var engine = new SqlEngine(new SqliteStore(dir), TimeZoneInfo.Utc, UserSettings.Default with { EnforcePrivileges = true });
            engine.Execute("create user u1 pass 'a1'", new SqlSession());
            var u1 = new SqlSession { User = "u1" };
            Assert.Equal(771, Assert.Throws<TaosServerException>(() => engine.Execute($"create function f as '{_library}' outputtype int", u1)).Code);
            engine.Execute($"create function f as '{_library}' outputtype int", new SqlSession());
            Assert.Equal(771, Assert.Throws<TaosServerException>(() => engine.Execute("drop function f", u1)).Code);
            Assert.Single(Assert.IsType<RowSetResult>(engine.Execute("show functions", u1)).Rows);
        }
        finally
        {
            Taos.Server.Tests.Http.ServerFixture.TryDelete(dir);
        }
    }

    [Fact]
    public void Without_enforcement_any_user_creates_functions_as_the_community_edition_lets_them()
    {
        Exec("create user u2 pass 'a2'");
        Assert.Equal(0, Assert.IsType<AffectedRowsResult>(Exec($"create function f as '{_library}' outputtype int", new SqlSession { User = "u2" })).AffectedRows);
    }
}
