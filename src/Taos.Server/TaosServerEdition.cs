namespace Taos.Server;

/// <summary>Which TDengine 3.3 edition the server answers as, where the two differ.</summary>
public enum TaosServerEdition
{
    /// <summary>
    /// TDengine's community edition (the default, and what the conformance recordings come from): CREATE VIEW,
    /// DROP VIEW and SHOW CREATE VIEW answer 0x0100 "Operation not supported".
    /// </summary>
    Community,

    /// <summary>TDengine's enterprise edition (as TDengine Cloud): views work, and GRANT/REVOKE may name a view.</summary>
    Enterprise,
}
