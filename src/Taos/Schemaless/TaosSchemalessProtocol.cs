namespace Taos.Schemaless;

/// <summary>
/// The text formats of schemaless ingest (taos.h <c>TSDB_SML_PROTOCOL_TYPE</c>; the official connectors'
/// <c>TDengineSchemalessProtocol</c>). The values are the ones taosAdapter's <c>insert</c> action takes.
/// </summary>
public enum TaosSchemalessProtocol
{
    /// <summary>InfluxDB line protocol: <c>measurement,tag=v field=v timestamp</c>, one point per line.</summary>
    Line = 1,

    /// <summary>OpenTSDB telnet: <c>metric timestamp value tag=v …</c>, one point per line.</summary>
    Telnet = 2,

    /// <summary>OpenTSDB JSON: an object or an array of objects with <c>metric</c>, <c>timestamp</c>, <c>value</c>, <c>tags</c>.</summary>
    Json = 3,
}
