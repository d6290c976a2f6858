using Taos.Transport;

namespace Taos;

/// <summary>One statement of an execution, ready to run.</summary>
/// <param name="Sql">The statement text with its placeholders.</param>
/// <param name="Parameters">The parameters it is bound with: all of its command's, ordered so that its first <c>?</c>
/// takes the parameter after those the command's earlier statements took.</param>
/// <param name="Index">Its position in the execution, from 1.</param>
/// <param name="Count">How many statements the execution has.</param>
/// <param name="Owner">The batch command it belongs to; null for a <see cref="TaosCommand"/>'s own statements.</param>
internal sealed record PlannedStatement(string Sql, TaosRequestParameter[] Parameters, int Index, int Count, TaosBatchCommand? Owner);
