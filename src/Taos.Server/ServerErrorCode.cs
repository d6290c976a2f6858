namespace Taos.Server;

/// <summary>
/// Every TDengine error code the server raises (the low 16 bits of TDengine's internal error numbers). The codes an
/// application commonly handles are public in the connector's <see cref="TaosErrorCode"/>; this class repeats them
/// by reference and adds the ones only the server needs.
/// </summary>
internal static class ServerErrorCode
{
    /// <summary>0x0100: the operation is not supported.</summary>
    public const int OperationNotSupported = TaosErrorCode.OperationNotSupported;
    /// <summary>0x0200: the primary timestamp column got no value.</summary>
    public const int PrimaryTimestampNull = 512;
    /// <summary>0x0200 as taosAdapter uses it for <c>INSERT … FILE</c>: CSV loading is refused in proxy mode.</summary>
    public const int CsvLoadingUnsupported = 512;
    /// <summary>0x0216: a value in an INSERT or tag list is malformed or out of range.</summary>
    public const int InvalidValue = TaosErrorCode.InvalidValue;
    /// <summary>0x022A: the statement (stmt) API was used in the wrong order.</summary>
    public const int StmtApiUsageError = 554;
    /// <summary>0x0357: wrong user or password.</summary>
    public const int AuthenticationFailure = TaosErrorCode.AuthenticationFailure;
    /// <summary>0x0360: a super table of that name already exists.</summary>
    public const int StableAlreadyExists = TaosErrorCode.StableAlreadyExists;
    /// <summary>0x0362: the super table does not exist.</summary>
    public const int StableNotExist = TaosErrorCode.StableNotExist;
    /// <summary>0x0374: the function does not exist.</summary>
    public const int FunctionNotExists = 884;
    /// <summary>0x0381: a database of that name already exists.</summary>
    public const int DatabaseAlreadyExists = TaosErrorCode.DatabaseAlreadyExists;
    /// <summary>0x0388: the database does not exist.</summary>
    public const int DatabaseNotExist = TaosErrorCode.DatabaseNotExist;
    /// <summary>0x0603: a table of that name already exists.</summary>
    public const int TableAlreadyExists = TaosErrorCode.TableAlreadyExists;
    /// <summary>0x060B: a timestamp is outside the database's KEEP range.</summary>
    public const int TimestampOutOfRange = TaosErrorCode.TimestampOutOfRange;
    /// <summary>0x1105: taosAdapter got no authorization.</summary>
    public const int NoAuthInfo = 4357;
    /// <summary>0x1106: taosAdapter got an empty request body.</summary>
    public const int RequestEmpty = 4358;
    /// <summary>0x2600: syntax error.</summary>
    public const int SyntaxError = TaosErrorCode.SyntaxError;
    /// <summary>0x2601: the statement ends too early.</summary>
    public const int IncompleteSql = TaosErrorCode.IncompleteSql;
    /// <summary>0x2602: unknown column.</summary>
    public const int InvalidColumnName = TaosErrorCode.InvalidColumnName;
    /// <summary>0x2603: the table does not exist.</summary>
    public const int TableNotExist = TaosErrorCode.TableNotExist;
    /// <summary>0x2605: FILL(VALUE) got the wrong number of values.</summary>
    public const int FillValuesMismatch = 9733;
    /// <summary>0x260A: a selected column is neither grouped nor aggregated.</summary>
    public const int NotGroupByExpression = 9738;
    /// <summary>0x260C: a plain column is mixed with aggregates.</summary>
    public const int NotSingleGroup = 9740;
    /// <summary>0x260D: the number of tag values does not match.</summary>
    public const int TagsNumberMismatch = 9741;
    /// <summary>0x2615: the INTERVAL is shorter than one tick.</summary>
    public const int IntervalTooSmall = 9749;
    /// <summary>0x2616: no database was named or selected.</summary>
    public const int DatabaseNotSpecified = TaosErrorCode.DatabaseNotSpecified;
    /// <summary>0x2617: an identifier is too long or invalid.</summary>
    public const int InvalidIdentifierName = TaosErrorCode.InvalidIdentifierName;
    /// <summary>0x2619: a database option is out of range.</summary>
    public const int InvalidOption = 9753;
    /// <summary>0x2633: only one tag is allowed with a JSON tag.</summary>
    public const int OnlyOneJsonTag = 9779;
    /// <summary>0x2638: SLIMIT/SOFFSET without PARTITION BY or GROUP BY.</summary>
    public const int SlimitWithoutGroup = 9784;
    /// <summary>0x263A: a super table was named in a multi-table DROP TABLE.</summary>
    public const int CannotDropStableInBatch = 9786;
    /// <summary>0x263B: FILL needs a bounded time range.</summary>
    public const int TimeRangeRequired = 9787;
    /// <summary>0x263C: a column or tag name is repeated.</summary>
    public const int DuplicatedColumnNames = 9788;
    /// <summary>0x263D: the tags are too long together.</summary>
    public const int TagsTooLong = 9789;
    /// <summary>0x263E: the row is too long.</summary>
    public const int RowTooLong = 9790;
    /// <summary>0x263F: wrong number of columns.</summary>
    public const int IllegalNumberOfColumns = 9791;
    /// <summary>0x2640: too many columns.</summary>
    public const int TooManyColumns = 9792;
    /// <summary>0x2641: the first column is not a timestamp.</summary>
    public const int FirstColumnMustBeTimestamp = 9793;
    /// <summary>0x2642: a variable-length type has a bad length.</summary>
    public const int InvalidVarLength = 9794;
    /// <summary>0x2643: wrong number of tags.</summary>
    public const int InvalidTagCount = 9795;
    /// <summary>0x2652: a JSON type was used for a column.</summary>
    public const int OnlyTagCanBeJson = 9810;
    /// <summary>0x2653: a value is longer than its column or tag.</summary>
    public const int ValueTooLong = 9811;
    /// <summary>0x2662: the table's metadata could not be read (unknown table or database).</summary>
    public const int TableInfoFailure = TaosErrorCode.TableInfoFailure;
    /// <summary>0x266A: a VARBINARY literal is malformed.</summary>
    public const int InvalidVarbinary = 9834;
    /// <summary>0x2801: a function got the wrong number of parameters.</summary>
    public const int InvalidParameterCount = 10241;
    /// <summary>0x2802: a function got a parameter of the wrong type.</summary>
    public const int InvalidParameterType = 10242;
    /// <summary>0x2803: a function got a parameter value out of range.</summary>
    public const int InvalidParameterValue = 10243;
    /// <summary>0xFFFF: taosAdapter's generic error.</summary>
    public const int AdapterError = TaosErrorCode.AdapterError;
}
