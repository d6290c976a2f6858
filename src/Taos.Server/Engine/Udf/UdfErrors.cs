namespace Taos.Server.Engine.Udf;

/// <summary>TDengine's codes and texts for the errors of user-defined functions (terror.c, parser messages).</summary>
internal static class UdfErrors
{
    /// <summary>0x0372 TSDB_CODE_MND_INVALID_FUNC_CODE.</summary>
    public const int InvalidCodeCode = 882;
    /// <summary>0x0373 TSDB_CODE_MND_FUNC_ALREADY_EXIST.</summary>
    public const int AlreadyExistsCode = 883;
    /// <summary>0x0374 TSDB_CODE_MND_FUNC_NOT_EXIST.</summary>
    public const int NotExistCode = ServerErrorCode.FunctionNotExists;
    /// <summary>0x0375 TSDB_CODE_MND_INVALID_FUNC_BUFSIZE.</summary>
    public const int InvalidBufSizeCode = 885;
    /// <summary>0x021A TSDB_CODE_TSC_FILE_EMPTY.</summary>
    public const int FileEmptyCode = 538;
    /// <summary>0x0110 TSDB_CODE_APP_ERROR.</summary>
    public const int AppErrorCode = 272;
    /// <summary>0x264D TSDB_CODE_PAR_INVALID_FUNCTION_NAME.</summary>
    public const int InvalidFunctionNameCode = 9805;
    /// <summary>0x2903 TSDB_CODE_UDF_PIPE_CONNECT_ERR.</summary>
    public const int PipeConnectCode = 10499;

    /// <summary>9805: CREATE FUNCTION with the name of a built-in function.</summary>
    public static TaosServerException InvalidFunctionName() => new(InvalidFunctionNameCode, "Invalid function name");

    /// <summary>9728 with the translator's own message (unsupported output type, BUFSIZE without AGGREGATE).</summary>
    public static TaosServerException Syntax(string message) => new(ServerErrorCode.SyntaxError, message);

    /// <summary>883 Func already exists.</summary>
    public static TaosServerException AlreadyExists() => new(AlreadyExistsCode, "Func already exists");

    /// <summary>884 Func not exists.</summary>
    public static TaosServerException NotExist() => new(NotExistCode, "Func not exists");

    /// <summary>882 Invalid func code: the library file holds one byte or less.</summary>
    public static TaosServerException InvalidCode() => new(InvalidCodeCode, "Invalid func code");

    /// <summary>885 Invalid func bufSize: BUFSIZE below 0 or above TSDB_FUNC_BUF_SIZE.</summary>
    public static TaosServerException InvalidBufSize() => new(InvalidBufSizeCode, "Invalid func bufSize");

    /// <summary>538 File is empty.</summary>
    public static TaosServerException FileEmpty() => new(FileEmptyCode, "File is empty");

    /// <summary>272 Unexpected generic error: the file could not be read whole.</summary>
    public static TaosServerException AppError() => new(AppErrorCode, "Unexpected generic error");

    /// <summary>
    /// TAOS_SYSTEM_ERROR(errno) with strerror's text: what the client's <c>taosStatFile</c>/<c>taosOpenFile</c> answer
    /// for a library path it cannot open (REST shows the low 16 bits, e.g. 2 for ENOENT).
    /// </summary>
    public static TaosServerException System(int errno, string text) => new(unchecked((int)0x80FF0000) | errno, text);

    /// <summary>
    /// 10499 udf pipe connect error: what a TDengine whose udfd is not running answers when a query calls a UDF
    /// (doSetupUdf cannot connect to udfd's pipe); the embedded server runs no udfd.
    /// </summary>
    public static TaosServerException PipeConnect() => new(PipeConnectCode, "udf pipe connect error");
}
