using Taos.Server.Engine.Catalog;

namespace Taos.Server.Engine.Streams;

/// <summary>What CREATE STREAM stores: the stream, and the target super table to create with it (null when it exists).</summary>
internal sealed record StreamPlan(StreamInfo Stream, TableInfo? NewTarget);
