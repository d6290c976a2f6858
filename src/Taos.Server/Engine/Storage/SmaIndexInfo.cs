namespace Taos.Server.Engine.Storage;

/// <summary>
/// A time-range SMA index of a super table (<c>CREATE SMA INDEX name ON stable FUNCTION(…) INTERVAL(…) …</c>): its
/// database and name, the super table, the vgroup TDengine assigns it (the super table name's hash vgroup), the
/// creation time in ms and the statement as written.
/// </summary>
internal sealed record SmaIndexInfo(string Database, string Name, string Stable, int VgroupId, long CreateTime, string Sql);
