namespace Taos.Server.Engine.Ddl;

/// <summary>TDengine's errors for ALTER TABLE/STABLE/DATABASE, with its codes and texts.</summary>
internal static class AlterErrors
{
    /// <summary>866 STable not exist (ALTER STABLE of a name that is no super table).</summary>
    public static TaosServerException StableNotExist() => new(ServerErrorCode.StableNotExist, "STable not exist");

    /// <summary>873 Tag already exists.</summary>
    public static TaosServerException TagExists() => new(873, "Tag already exists");

    /// <summary>874 Tag does not exist.</summary>
    public static TaosServerException TagNotExist() => new(874, "Tag does not exist");

    /// <summary>875 Column already exists.</summary>
    public static TaosServerException ColumnExists() => new(875, "Column already exists");

    /// <summary>876 Column does not exist.</summary>
    public static TaosServerException ColumnNotExist() => new(876, "Column does not exist");

    /// <summary>962 Invalid stable alter options (e.g. dropping a super table's timestamp column).</summary>
    public static TaosServerException InvalidStableOption() => new(962, "Invalid stable alter options");

    /// <summary>1316 Invalid table action (a child table's columns and tags are its super table's).</summary>
    public static TaosServerException InvalidTableAction() => new(1316, "Invalid table action");

    /// <summary>9801 with the parser's own reason.</summary>
    public static TaosServerException InvalidAlterTable(string reason) => new(9801, reason);

    /// <summary>9802 Primary timestamp column cannot be dropped.</summary>
    public static TaosServerException CannotDropPrimaryKey() => new(9802, "Primary timestamp column cannot be dropped");

    /// <summary>9803: MODIFY only widens a variable-length column or tag.</summary>
    public static TaosServerException InvalidModify() => new(9803,
        "Only varbinary/binary/nchar/geometry column length could be modified, and the length can only be increased, not decreased");

    /// <summary>9730 Invalid column name.</summary>
    public static TaosServerException InvalidColumnName(string name) => new(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);

    /// <summary>9788 Duplicated column names.</summary>
    public static TaosServerException DuplicatedColumn() => new(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");

    /// <summary>820 Out of dnodes (a replica count the single node cannot host).</summary>
    public static TaosServerException OutOfDnodes() => new(820, "Out of dnodes");
}
