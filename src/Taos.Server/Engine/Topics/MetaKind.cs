namespace Taos.Server.Engine.Topics;

/// <summary>
/// The kinds of table metadata a WITH META topic delivers, numbered as TDengine 3.3.0.1's vnode messages
/// (<c>TDMT_VND_*</c> of tmsgdef.h: segment 2 &lt;&lt; 8, each request followed by its response number), which is
/// the <c>meta_type</c> of <c>fetch_raw</c> and <c>write_raw</c>.
/// </summary>
internal enum MetaKind
{
    /// <summary>TDMT_VND_CREATE_TABLE: child tables (a batch) or a normal table.</summary>
    CreateTable = 515,
    /// <summary>TDMT_VND_ALTER_TABLE: a normal table's columns or a child table's tag value.</summary>
    AlterTable = 517,
    /// <summary>TDMT_VND_DROP_TABLE: child or normal tables (a batch).</summary>
    DropTable = 519,
    /// <summary>TDMT_VND_CREATE_STB.</summary>
    CreateStable = 531,
    /// <summary>TDMT_VND_ALTER_STB: the super table's new schema with the ALTER that made it.</summary>
    AlterStable = 533,
    /// <summary>TDMT_VND_DROP_STB.</summary>
    DropStable = 535,
    /// <summary>TDMT_VND_DELETE: rows of a table deleted by a time range.</summary>
    Delete = 579,
}
