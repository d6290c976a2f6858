using Taos.Server.Engine.Topics;

namespace Taos.Server.Storage.Sqlite;

/// <summary>The table metadata one write transaction of the <see cref="SqliteStore"/> logs for WITH META topics.</summary>
internal sealed partial class SqliteWriter
{
    /// <summary>Logs a DDL in the write log under the transaction's sequence number of its database (nothing for null).</summary>
    private void LogMeta(MetaEvent? meta)
    {
        if (meta is null) return;
        WriteLog.SaveMeta(transaction, meta, Sequence(meta.Database));
    }
}
