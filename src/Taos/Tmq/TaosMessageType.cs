namespace Taos.Tmq;

/// <summary>What a consumed message carries, as TDengine numbers it (<c>tmq_res_t</c>).</summary>
public enum TaosMessageType
{
    /// <summary>Rows (TMQ_RES_DATA).</summary>
    Data = 1,

    /// <summary>Table metadata only, a DDL of a WITH META or ONLY META topic (TMQ_RES_TABLE_META): no rows.</summary>
    TableMeta = 2,

    /// <summary>Rows with the child tables their insert created (TMQ_RES_METADATA), from a WITH META topic.</summary>
    MetaData = 3,
}
