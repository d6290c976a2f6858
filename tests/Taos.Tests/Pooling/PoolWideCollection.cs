using Taos.Tests.Integration;

namespace Taos.Tests.Pooling;

/// <summary>
/// Tests that reach every pool of the process (<see cref="TaosConnection.ClearAllPools"/>) or count a pool's sessions
/// while they wait for its timer: they run alone, after the parallel ones, against a server of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PoolWideCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "pool-wide";
}
