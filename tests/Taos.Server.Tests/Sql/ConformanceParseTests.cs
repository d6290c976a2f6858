using System.Text.Json;
using Taos.Server.Sql;

namespace Taos.Server.Tests.Sql;

/// <summary>
/// Every statement real TDengine answered in the recorded corpora: those it rejected with a parser code
/// (9728, 9729, 9751) must fail here with the same code and text; all others must parse.
/// </summary>
public class ConformanceParseTests
{
    private static readonly int[] ParserCodes = [9728, 9729, 9751];

    public static TheoryData<string, int> Steps()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "rest-basic.jsonl", "rest-extra.jsonl" })
        {
            var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file));
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > 0)
                {
                    data.Add(file, i);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Parse_recorded_statement_matches_recorded_parser_outcome(string file, int line)
    {
        var text = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file))[line];
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        string sql = root.GetProperty("sql").GetString()!;
        var response = root.GetProperty("response");
        int code = response.TryGetProperty("code", out var c) ? c.GetInt32() : 0;

        if (ParserCodes.Contains(code))
        {
            var ex = Assert.Throws<TaosServerException>(() => SqlParser.Parse(sql));
            Assert.Equal(code, ex.Code);
            Assert.Equal(response.GetProperty("desc").GetString(), ex.Message);
        }
        else
        {
            var statement = SqlParser.Parse(sql);
            Assert.Equal(Lexer.Lowercase(sql), statement.Sql);
        }
    }

    [Fact]
    public void Corpus_contains_parser_errors()
    {
        int count = 0;
        foreach (var file in new[] { "rest-basic.jsonl", "rest-extra.jsonl" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conformance", "data", file)))
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.GetProperty("response").TryGetProperty("code", out var c) && ParserCodes.Contains(c.GetInt32()))
                {
                    count++;
                }
            }
        }
        Assert.True(count >= 5, $"expected the corpus to hold parser errors, found {count}");
    }
}
