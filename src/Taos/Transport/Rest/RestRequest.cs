namespace Taos.Transport.Rest;

/// <summary>One POST to <c>/rest/sql[/db]</c>.</summary>
/// <param name="Sql">The statement text, parameters already bound.</param>
/// <param name="Database">The default database for the statement, or null.</param>
/// <param name="RequestId">The client-chosen request id (<c>req_id</c>).</param>
/// <param name="Timeout">Time allowed until the answer starts and between reads of it; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
internal sealed record RestRequest(string Sql, string? Database, long RequestId, TimeSpan Timeout);
