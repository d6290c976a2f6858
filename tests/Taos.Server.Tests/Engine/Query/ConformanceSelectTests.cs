using Taos.Server.Tests.Conformance;

namespace Taos.Server.Tests.Engine.Query;

/// <summary>
/// Every recorded step of the conformance corpus, SELECTs included, replayed end to end (parser, engine, query,
/// REST rendering) against a fresh embedded server and compared with the real TDengine answers.
/// </summary>
[Trait("Category", "Conformance")]
public class ConformanceSelectTests
{
    [Theory]
    [InlineData("rest-basic.jsonl", 94)]
    [InlineData("rest-extra.jsonl", 81)]
    public async Task Recorded_steps_all_match(string file, int steps)
    {
        var (passed, failures) = await ConformanceReplayTests.ReplayAsync(file);
        Assert.True(failures.Count == 0, $"{file}: {passed} passed, {failures.Count} failed\n" + string.Join("\n", failures));
        Assert.Equal(steps, passed);
    }
}
