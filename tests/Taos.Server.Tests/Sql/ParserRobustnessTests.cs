using System.Text.Json;
using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>Whatever the input, the parser either returns a statement or raises TDengine's error type, nothing else.</summary>
public class ParserRobustnessTests
{
    private static IEnumerable<string> CorpusStatements()
    {
        foreach (var file in new[] { "rest-basic.jsonl", "rest-extra.jsonl" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file)))
            {
                using var doc = JsonDocument.Parse(line);
                yield return doc.RootElement.GetProperty("sql").GetString()!;
            }
        }
        yield return "select a.ts, b.v from t1 a left join t2 b on a.ts = b.ts union all select ts, v from t3 order by 1 limit 2, 3";
        yield return "select _irowts, interp(v) from t range('2024-01-01', now) every(1s) fill(value, 1)";
        yield return "create topic if not exists tp with meta as stable db.st where g > 1";
        yield return "alter table t set tag g = now + 1s";
        yield return "select case when a > 1 then cast(b as nchar(4)) else 'x' end, count(t.*) from db.t t partition by tbname session(ts, 1m)";
        yield return "insert into db.t using db.st (a, b) tags (?, -1) (ts, v) values (now - 1d, 0x1f) (1, 'a''b')";
    }

    private static void ParseOrTaosError(string sql)
    {
        try
        {
            SqlParser.Parse(sql);
        }
        catch (TaosServerException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Message), $"empty message for {sql}");
        }
    }

    [Fact]
    public void Every_prefix_of_every_statement_parses_or_fails_cleanly()
    {
        int checkedCount = 0;
        foreach (var sql in CorpusStatements())
        {
            for (int n = 0; n <= sql.Length; n++)
            {
                ParseOrTaosError(sql[..n]);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 5000);
    }

    [Fact]
    public void Random_mutations_parse_or_fail_cleanly()
    {
        var random = new Random(12345);
        const string alphabet = "()[],.;'\"`-+*/%&|=<>!~?:@#$ \t\nabcXYZ019_é涛";
        foreach (var sql in CorpusStatements())
        {
            for (int round = 0; round < 40; round++)
            {
                var chars = sql.ToCharArray();
                int edits = random.Next(1, 4);
                for (int e = 0; e < edits && chars.Length > 0; e++)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }
                ParseOrTaosError(new string(chars));
            }
        }
    }

    [Fact]
    public void Incomplete_prefixes_of_a_select_report_9729()
    {
        foreach (var prefix in new[] { "select", "select a from", "select a from t where", "select a from t where a >",
                     "select a from t order by", "select a from t interval(", "select count(", "create table t (ts timestamp,",
                     "create database", "drop table", "show", "describe", "use", "select a from t limit 1 offset" })
        {
            var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(prefix));
            Assert.Equal((ServerErrorCode.IncompleteSql, "Incomplete SQL statement"), (ex.Code, ex.Message));
        }
    }
}
