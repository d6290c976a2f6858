using System.Globalization;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Admin;

/// <summary>
/// KILL CONNECTION, KILL QUERY, KILL TRANSACTION and KILL COMPACT as TDengine 3.3's mnode answers them
/// (mndProfile.c, mndTrans.c, mndCompact.c): a connection or compaction that does not exist is 0x030E or 0x04B1; a
/// kill id that is not <c>conn_id:query_id</c> (hexadecimal) is 0x030C; the embedded server's DDL commits at once, so
/// no transaction is ever left to kill (0x03D1).
/// </summary>
internal sealed class KillCommands(ConnectionRegistry connections, CompactRegistry compacts)
{
    /// <summary>KILL CONNECTION | TRANSACTION | COMPACT n.</summary>
    public AffectedRowsResult Execute(KillStatement s)
    {
        switch (s.Target)
        {
            case KillTarget.Connection when !connections.Kill(s.Id):
                throw AdminErrors.InvalidConnectionId();
            case KillTarget.Compact when !compacts.Kill(s.Id):
                throw AdminErrors.InvalidCompactId();
            case KillTarget.Transaction:
                throw AdminErrors.TransactionNotExist();
        }
        return new AffectedRowsResult(0);
    }

    /// <summary>KILL QUERY 'conn_id:query_id': cancels the statement if it still runs.</summary>
    public AffectedRowsResult Execute(KillQueryStatement s)
    {
        int colon = s.KillId.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) throw AdminErrors.InvalidQueryId();
        long connection = Hex(s.KillId[..colon]);
        long query = Hex(s.KillId[(colon + 1)..]);
        if (!connections.KillQuery(connection, query)) throw AdminErrors.InvalidConnectionId();
        return new AffectedRowsResult(0);
    }

    /// <summary>C's strtoul(…, 16): the leading hexadecimal digits, 0 when there are none.</summary>
    private static long Hex(string text)
    {
        text = text.Trim();
        int end = 0;
        while (end < text.Length && end < 15 && char.IsAsciiHexDigit(text[end])) end++;
        return end == 0 ? 0 : long.Parse(text[..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
