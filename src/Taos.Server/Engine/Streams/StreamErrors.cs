namespace Taos.Server.Engine.Streams;

/// <summary>TDengine's errors around streams, with its codes and texts (taoserror.h, parTranslater.c).</summary>
internal static class StreamErrors
{
    /// <summary>1008 (0x03F0) Stream already exists.</summary>
    public static TaosServerException AlreadyExists() => new(1008, "Stream already exists");

    /// <summary>1009 (0x03F1) Stream not exist.</summary>
    public static TaosServerException NotExist() => new(1009, "Stream not exist");

    /// <summary>1011 (0x03F3): a table or database a stream reads or writes cannot be dropped before the stream.</summary>
    public static TaosServerException MustBeDroppedFirst() => new(1011, "Stream must be dropped first");

    /// <summary>1014 (0x03F6): another stream already writes the target super table.</summary>
    public static TaosServerException TargetInUse() => new(1014, "Cannot write the same stable as other stream");

    /// <summary>9797 (0x2645) with the translater's reason, e.g. <c>Unsupported stream query</c>.</summary>
    public static TaosServerException InvalidQuery(string reason = "Unsupported stream query") => new(9797, reason);

    /// <summary>9791 (0x263F): the query's columns do not match the existing target super table's.</summary>
    public static TaosServerException ColumnsMismatch() => new(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");

    /// <summary>9730 (0x2602): a TAGS name that no PARTITION BY expression gives, or an unknown target column.</summary>
    public static TaosServerException InvalidColumn(string name) => new(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
}
