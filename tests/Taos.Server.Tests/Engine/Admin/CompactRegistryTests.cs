using Taos.Server.Engine.Admin;
using Taos.Server.Engine.Storage;

namespace Taos.Server.Tests.Engine.Admin;

/// <summary>The running compactions: listed while the store compacts, one per database, killable.</summary>
public class CompactRegistryTests
{
    /// <summary>A store whose compaction waits until the test lets it go.</summary>
    private sealed class GatedStore : IStoreMaintenance
    {
        private readonly Dictionary<string, string> _settings = [];

        public ManualResetEventSlim Gate { get; } = new(false);

        public int Compactions { get; private set; }

        public string? LoadSetting(string key) => _settings.GetValueOrDefault(key);

        public void SaveSetting(string key, string value) => _settings[key] = value;

        public void Flush()
        {
        }

        public void Compact()
        {
            Gate.Wait(TimeSpan.FromSeconds(30));
            Compactions++;
        }
    }

    [Fact]
    public async Task A_running_compaction_is_listed_until_it_ends_and_rejects_a_second_of_its_database()
    {
        var store = new GatedStore();
        var registry = new CompactRegistry(store);
        var first = registry.Start("d", [2, 3]);
        Assert.NotNull(first);
        Assert.Equal((1, "d"), (first.Id, first.Database));
        Assert.Equal([2, 3], first.Vgroups);
        Assert.Null(registry.Start("d", [2, 3]));
        var other = registry.Start("e", [4]);
        Assert.Equal([1, 2], registry.Running().Select(c => c.Id));
        store.Gate.Set();
        await registry.Completion(first.Id);
        await registry.Completion(other!.Id);
        Assert.Empty(registry.Running());
        Assert.Equal(2, store.Compactions);
        Assert.Equal(3, registry.Start("d", [2])!.Id);
    }

    [Fact]
    public async Task Kill_removes_a_running_compaction_and_refuses_an_unknown_one()
    {
        var store = new GatedStore();
        var registry = new CompactRegistry(store);
        var compact = registry.Start("d", [2])!;
        Assert.False(registry.Kill(99));
        Assert.True(registry.Kill(compact.Id));
        Assert.Empty(registry.Running());
        Assert.NotNull(registry.Start("d", [2]));
        store.Gate.Set();
        await Task.WhenAll(registry.Running().Select(c => registry.Completion(c.Id)));
    }
}
