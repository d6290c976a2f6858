using System.Globalization;

namespace Taos;

/// <summary>The connector's exception messages, in one place.</summary>
internal static class TaosStrings
{
    public const string UnknownPrecision = "The precision must be Milliseconds, Microseconds or Nanoseconds.";
    public const string NotATimestamp = "The object is not a TaosTimestamp.";
    public const string ConnectionNotOpen = "The connection is not open. Call Open() or OpenAsync() first.";
    public const string ConnectionAlreadyOpen = "The connection is already open.";
    public const string NoConnection = "The command has no connection. Set TaosCommand.Connection.";
    public const string EmptyCommand = "The command text is empty. Set TaosCommand.CommandText.";
    public const string EmptyBatch = "The batch has no commands. Add them to TaosBatch.BatchCommands.";
    public const string NoUpdateOrDelete =
        "TDengine has no UPDATE and no row DELETE through a command builder: a row is rewritten by inserting a row with the same timestamp " +
        "(the INSERT command replaces it). Use the insert command, or delete by time range with your own DELETE statement.";
    public const string ReaderOpen = "A reader is open on this connection: close it before running another command or changing this one.";
    public const string ReaderClosed = "The reader is closed.";
    public const string NoResultSet = "The statement returned no result set (it was not a query), so there are no columns to read.";
    public const string NoCurrentRow = "There is no current row. Call Read() first and check that it returned true.";
    public const string NoUrl = "The connection string names no server: set Url (e.g. Url=http://localhost:6041) or Host.";
    public const string TransactionsNotSupported = "TDengine has no transactions.";
    public const string NotTextCommand = "Only CommandType.Text is supported.";
    public const string InputParametersOnly = "TDengine supports input parameters only.";
    public const string NoSchemaDatabase = "Name a database: as the first restriction or in the connection's Database.";

    public static string NanosecondsLost(TaosTimestamp value) =>
        "The timestamp " + value.ToString() + " has nanoseconds that DateTime cannot hold (it resolves 100 ns). " +
        "Read it with GetFieldValue<TaosTimestamp>() or GetTaosTimestamp() to keep it exact, or call TaosTimestamp.TruncateToDateTime() to drop them explicitly.";

    public static string DateTimeTooPrecise(DateTime value) => string.Create(CultureInfo.InvariantCulture,
        $"The DateTime {value:O} has digits below the requested precision; truncate it first.");

    public static string BadTimestamp(string text) => $"'{text}' is not an RFC 3339 timestamp as TDengine writes them.";

    public static string UnknownKeyword(string keyword, IEnumerable<string> known) =>
        $"Unknown connection string keyword '{keyword}'. Supported keywords: {string.Join(", ", known)}.";

    public static string BadKeywordValue(string keyword, object? value, string expected) =>
        $"Invalid value '{value}' for connection string keyword '{keyword}': expected {expected}.";

    public static string ServerError(int code, string desc) => string.Create(CultureInfo.InvariantCulture, $"[0x{code:X4}] {desc}");

    public static string HttpError(int status, string reason) => string.Create(CultureInfo.InvariantCulture,
        $"The server answered HTTP {status} {reason} without a TDengine result.");

    public static string Timeout(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture,
        $"The request did not complete within the timeout of {timeout.TotalSeconds:0.###} s.");

    public static string NetworkFailure(Uri url, string message) => $"Could not talk to TDengine at {url}: {message}";

    public static string MalformedResponse(string detail) => $"The server's answer is not a valid TDengine REST result: {detail}";

    public static string UnsupportedParameterType(string name, Type type) =>
        $"Parameter '{name}' has a value of type {type}, which cannot be sent to TDengine. " +
        "Supported: string, char, bool, integers, float, double, decimal, DateTime, DateTimeOffset, TaosTimestamp, byte[], Guid, enums and null.";

    public static string NonFiniteParameter(string name) => $"Parameter '{name}' is NaN or infinite, which TDengine cannot store.";

    public static string NulInString(string name) => $"Parameter '{name}' contains a NUL character, which TDengine strings cannot hold.";

    public static string ParameterValueNotSet(string name, int index) => string.Create(CultureInfo.InvariantCulture,
        $"Parameter {(name.Length > 0 ? "'" + name + "'" : "#" + (index + 1))} has no Value; set it, or set DBNull.Value to bind NULL.");

    public static string ParameterNotConvertible(string name, Type valueType, System.Data.DbType type, string reason) =>
        $"Parameter '{name}' has a {valueType.Name} value that cannot be sent as DbType.{type}: {reason}";

    public static string MissingParameter(string name) => $"The command text uses parameter '{name}', but no parameter of that name was added.";

    public static string StatementFailed(int index, int count, string sql, string message) => string.Create(CultureInfo.InvariantCulture,
        $"Statement {index} of {count} failed (the ones before it have run, the ones after it have not): {sql}\n{message}");

    public static string TooFewPositional(int index) => string.Create(CultureInfo.InvariantCulture,
        $"The command text has more '?' placeholders than parameters (placeholder {index + 1} has none).");

    public static string InvalidCast(string column, string taosType, Type requested) =>
        $"Column '{column}' ({taosType}) cannot be read as {requested}.";

    public static string ColumnIsNull(string column) => $"Column '{column}' is NULL in this row; check IsDBNull first.";

    public static string UnknownColumn(string name) => $"No column named '{name}' in the result.";

    public static string OrdinalOutOfRange(int ordinal, int columnCount) => string.Create(CultureInfo.InvariantCulture,
        $"Column ordinal {ordinal} is out of range (0..{columnCount - 1}).");

    public static string NotATaosParameter(object? value) =>
        $"Only TaosParameter objects can be added, not {value?.GetType().ToString() ?? "null"}.";

    public static string NotATaosBatchCommand(object? value) =>
        $"Only TaosBatchCommand objects can be added, not {value?.GetType().ToString() ?? "null"}.";

    public static string NotATaosDataAdapter(object? value) =>
        $"A TaosCommandBuilder works with a TaosDataAdapter, not {value?.GetType().ToString() ?? "null"}.";

    public static string InvalidIdentifier(string identifier) => $"Invalid identifier '{identifier}'.";

    public static string UnsupportedCollection(string name) =>
        $"Schema collection '{name}' is not supported. Supported: MetaDataCollections, Databases, Tables, Columns.";

    public const string BulkWriterNeedsWebSocket =
        "TaosBulkWriter needs a WebSocket connection (ws:// or Protocol=WebSocket): TDengine's REST interface has no parameter binding (stmt).";

    public const string BulkWriterNotSuperTable = "UseTable names sub-tables of a super table writer; this writer was created for one table (ForTable).";

    public const string BulkWriterNoTable = "Name the sub-table with UseTable or UseTableAsync before appending rows to a super table writer.";

    public static string BulkWriterTagCount(string table, int given, int expected) =>
        $"TaosBulkWriter: {given} tags given for sub-table '{table}', the super table has {expected}.";

    public static string BulkWriterBadTag(string table, string tag, TaosDataType type, string reason) =>
        $"TaosBulkWriter: tag '{tag}' ({Protocol.TaosTypes.Name(type)}) of sub-table '{table}': {reason}";

    public static string BulkWriterBadValue(long row, string table, string column, int index, TaosDataType type, string reason) =>
        $"TaosBulkWriter: row {row} of '{table}', column '{column}' (#{index + 1}, {Protocol.TaosTypes.Name(type)}): {reason}. The row was dropped.";

    public static string BulkWriterShortRow(long row, string table, int given, int expected) =>
        $"TaosBulkWriter: row {row} of '{table}' was ended with {given} of its {expected} values. The row was dropped.";

    public static string BulkWriterLongRow(long row, string table, int expected) =>
        $"TaosBulkWriter: row {row} of '{table}' got more than its {expected} values. The row was dropped.";

    public static string BulkWriterReaderWidth(int given, int expected, string table) =>
        $"TaosBulkWriter: the reader has {given} columns, '{table}' takes {expected}.";

    public static string BulkWriterClosed(int rows, string table) =>
        $"TaosBulkWriter: the connection was closed (or broke), and the server's statement with it: the batch of {rows} rows for '{table}' was not sent.";

    public static string BulkWriterBatchFailed(int rows, string table, string reason) =>
        $"TaosBulkWriter: the batch of {rows} rows for '{table}' was refused and dropped: {reason}";

    public const string StmtTableName = "The first parameter of an INSERT INTO ? is the table's name: a string.";
}
