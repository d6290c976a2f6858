namespace Taos.Server.Engine.Storage;

/// <summary>
/// A time-range small materialized aggregate (<c>CREATE [RECURSIVE] TSMA</c>): its database and name, the table it
/// aggregates (a recursive TSMA's is its base's), the functions as ins_tsmas lists them (<c>avg(c)</c>, in TDengine's
/// order), the interval in the database's precision and as ins_tsmas shows it (<c>300000a</c>), the base TSMA of a
/// recursive one, the vgroup TDengine assigns it, the creation time in ms and the statement as written.
/// </summary>
internal sealed record TsmaInfo(string Database, string Name, string Table, IReadOnlyList<string> Functions, long Interval, string IntervalText,
    string? BaseTsma, int VgroupId, long CreateTime, string Sql);
