using System.Data.Common;

namespace Taos;

/// <summary>Creates the provider's objects; register it with <see cref="DbProviderFactories"/> under any invariant name.</summary>
public sealed class TaosFactory : DbProviderFactory
{
    /// <summary>The single instance.</summary>
    public static readonly TaosFactory Instance = new();

    private TaosFactory()
    {
    }

    /// <inheritdoc/>
    public override bool CanCreateDataSourceEnumerator => false;

    /// <inheritdoc/>
    public override DbCommand CreateCommand() => new TaosCommand();

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => new TaosConnection();

    /// <inheritdoc/>
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new TaosConnectionStringBuilder();

    /// <inheritdoc/>
    public override DbParameter CreateParameter() => new TaosParameter();

    /// <summary>True: <see cref="CreateBatch"/> makes a <see cref="TaosBatch"/>.</summary>
    public override bool CanCreateBatch => true;

    /// <inheritdoc/>
    public override DbBatch CreateBatch() => new TaosBatch();

    /// <inheritdoc/>
    public override DbBatchCommand CreateBatchCommand() => new TaosBatchCommand();

    /// <summary>True: <see cref="CreateDataAdapter"/> makes a <see cref="TaosDataAdapter"/>.</summary>
    public override bool CanCreateDataAdapter => true;

    /// <inheritdoc/>
    public override DbDataAdapter CreateDataAdapter() => new TaosDataAdapter();

    /// <summary>True: <see cref="CreateCommandBuilder"/> makes a <see cref="TaosCommandBuilder"/> (INSERT only: see there).</summary>
    public override bool CanCreateCommandBuilder => true;

    /// <inheritdoc/>
    public override DbCommandBuilder CreateCommandBuilder() => new TaosCommandBuilder();

    /// <inheritdoc/>
    public override DbDataSource CreateDataSource(string connectionString) => TaosDataSource.Create(connectionString);
}
