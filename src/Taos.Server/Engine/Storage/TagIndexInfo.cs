namespace Taos.Server.Engine.Storage;

/// <summary>
/// A tag index of a super table (<c>CREATE INDEX name ON stable (tag)</c>, or the one TDengine creates on a super
/// table's first tag, named <c>&lt;tag&gt;_&lt;stable&gt;</c>); <see cref="CreateTime"/> in ms.
/// </summary>
internal sealed record TagIndexInfo(string Database, string Name, string Stable, string Tag, long CreateTime);
