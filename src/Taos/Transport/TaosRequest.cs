namespace Taos.Transport;

/// <summary>One statement to run on a session.</summary>
/// <param name="Sql">The statement text with its placeholders (<c>@name</c>, <c>?</c>) as the application wrote it.</param>
/// <param name="Parameters">The parameters as values, in the command's order; the transport binds them its own way.</param>
/// <param name="RequestId">The client-chosen request id (<c>req_id</c>).</param>
/// <param name="Timeout">Time allowed until the answer starts and between reads of it; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</param>
internal sealed record TaosRequest(string Sql, IReadOnlyList<TaosRequestParameter> Parameters, long RequestId, TimeSpan Timeout);
