using System.Globalization;

namespace Taos.Pooling;

/// <summary>The pooling settings of a connection string (<c>Pooling</c>, <c>MinPoolSize</c>, <c>MaxPoolSize</c>, <c>ConnectionIdleLifetime</c>, <c>ConnectionLifetime</c>).</summary>
/// <param name="Pooling">Whether sessions are pooled at all.</param>
/// <param name="MinPoolSize">Sessions kept open even when idle.</param>
/// <param name="MaxPoolSize">Sessions open at most, idle and in use together.</param>
/// <param name="IdleLifetime">How long a session beyond <paramref name="MinPoolSize"/> stays idle before it is closed; zero for ever.</param>
/// <param name="Lifetime">How old a session may get before it is closed instead of pooled; zero for no limit.</param>
/// <param name="Database">The connection string's default database, which a returned session is reset to; null for none.</param>
/// <param name="Timeout">The time a reset or a warm-up session may take (the connection string's <c>Timeout</c>).</param>
internal sealed record SessionPoolOptions(bool Pooling, int MinPoolSize, int MaxPoolSize, TimeSpan IdleLifetime, TimeSpan Lifetime,
    string? Database, TimeSpan Timeout)
{
    /// <summary>The longest time between two rounds of pruning idle sessions and opening warm ones.</summary>
    public static readonly TimeSpan MaxMaintenanceInterval = TimeSpan.FromSeconds(10);

    /// <summary>Whether the pool needs its timer: something to close when idle or old, or sessions to keep warm.</summary>
    public bool NeedsMaintenance => MinPoolSize > 0 || IdleLifetime > TimeSpan.Zero || Lifetime > TimeSpan.Zero;

    /// <summary>The time between two maintenance rounds: the idle lifetime, at most <see cref="MaxMaintenanceInterval"/>.</summary>
    public TimeSpan MaintenanceInterval =>
        IdleLifetime > TimeSpan.Zero && IdleLifetime < MaxMaintenanceInterval ? IdleLifetime : MaxMaintenanceInterval;

    /// <summary>Reads the options of <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException"><c>MinPoolSize</c> is greater than <c>MaxPoolSize</c>.</exception>
    public static SessionPoolOptions From(TaosConnectionStringBuilder settings)
    {
        if (settings.MinPoolSize > settings.MaxPoolSize)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"MinPoolSize ({settings.MinPoolSize}) cannot be greater than MaxPoolSize ({settings.MaxPoolSize})."));
        }
        string? database = string.IsNullOrEmpty(settings.Database) ? null : settings.Database;
        return new SessionPoolOptions(settings.Pooling, settings.MinPoolSize, settings.MaxPoolSize,
            TimeSpan.FromSeconds(settings.ConnectionIdleLifetime), TimeSpan.FromSeconds(settings.ConnectionLifetime), database,
            TaosCommand.ToTimeout(settings.Timeout == 0 ? 30 : settings.Timeout));
    }
}
