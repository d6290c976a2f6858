namespace Taos.Server.Engine.Schemaless;

/// <summary>The schemaless protocols, numbered as taos.h's <c>TSDB_SML_PROTOCOL_TYPE</c> and the /ws <c>insert</c> action number them.</summary>
internal enum SmlProtocol
{
    /// <summary>InfluxDB line protocol.</summary>
    Line = 1,

    /// <summary>OpenTSDB telnet put lines.</summary>
    Telnet = 2,

    /// <summary>OpenTSDB JSON put bodies.</summary>
    Json = 3,
}
