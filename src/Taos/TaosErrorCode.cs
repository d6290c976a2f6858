namespace Taos;

/// <summary>
/// Error codes TDengine reports in the <c>code</c> field of a failed request
/// (the low 16 bits of TDengine's internal error numbers).
/// </summary>
public static class TaosErrorCode
{
    /// <summary>0x0100: the operation is not supported.</summary>
    public const int OperationNotSupported = 256;
    /// <summary>0x0216: a value in an INSERT or tag list is malformed or out of range.</summary>
    public const int InvalidValue = 534;
    /// <summary>0x0357: wrong user or password.</summary>
    public const int AuthenticationFailure = 855;
    /// <summary>0x0360: a super table of that name already exists.</summary>
    public const int StableAlreadyExists = 864;
    /// <summary>0x0362: the super table does not exist.</summary>
    public const int StableNotExist = 866;
    /// <summary>0x0381: a database of that name already exists.</summary>
    public const int DatabaseAlreadyExists = 897;
    /// <summary>0x0388: the database does not exist.</summary>
    public const int DatabaseNotExist = 904;
    /// <summary>0x0603: a table of that name already exists.</summary>
    public const int TableAlreadyExists = 1539;
    /// <summary>0x060B: a timestamp is outside the database's KEEP range.</summary>
    public const int TimestampOutOfRange = 1547;
    /// <summary>0x2600: syntax error.</summary>
    public const int SyntaxError = 9728;
    /// <summary>0x2601: the statement ends too early.</summary>
    public const int IncompleteSql = 9729;
    /// <summary>0x2602: unknown column.</summary>
    public const int InvalidColumnName = 9730;
    /// <summary>0x2603: the table does not exist.</summary>
    public const int TableNotExist = 9731;
    /// <summary>0x2616: no database was named or selected.</summary>
    public const int DatabaseNotSpecified = 9750;
    /// <summary>0x2617: an identifier is too long or invalid.</summary>
    public const int InvalidIdentifierName = 9751;
    /// <summary>0x2662: the table's metadata could not be read (unknown table or database).</summary>
    public const int TableInfoFailure = 9826;
    /// <summary>0xFFFF: taosAdapter's generic error.</summary>
    public const int AdapterError = 65535;
}
