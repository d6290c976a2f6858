using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Operators;

/// <summary>A source row kept beyond its batch: its timestamp (or ordinal), values and table.</summary>
internal readonly record struct BufferedRow(long Ts, object?[] Row, TableInfo? Table);
