namespace Taos.Schemaless;

/// <summary>
/// The unit of the timestamps in schemaless data (taos.h <c>TSDB_SML_TIMESTAMP_TYPE</c>; the official connectors'
/// <c>TDengineSchemalessPrecision</c>). It says how the numbers in the data are read, not the database's precision.
/// </summary>
public enum TaosSchemalessPrecision
{
    /// <summary>
    /// No unit given: line protocol is read as nanoseconds; OpenTSDB timestamps by their digits (10 seconds, 13 milliseconds).
    /// </summary>
    NotConfigured = 0,

    /// <summary>Hours.</summary>
    Hours = 1,

    /// <summary>Minutes.</summary>
    Minutes = 2,

    /// <summary>Seconds.</summary>
    Seconds = 3,

    /// <summary>Milliseconds.</summary>
    Milliseconds = 4,

    /// <summary>Microseconds.</summary>
    Microseconds = 5,

    /// <summary>Nanoseconds.</summary>
    Nanoseconds = 6,
}
