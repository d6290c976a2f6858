using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>Names: identifiers with TDengine's length limits, <c>[db.]table</c> names and column aliases.</summary>
internal sealed partial class Parser
{
    private const int MaxDatabaseNameBytes = 64;
    private const int MaxTableNameBytes = 192;
    private const int MaxColumnNameBytes = 64;

    /// <summary>An identifier (plain or backquoted) limited to <paramref name="maxBytes"/> bytes, else 9751.</summary>
    private string ParseName(int maxBytes)
    {
        var t = _cur;
        if (!IsIdentifier(t))
        {
            throw Fail(t);
        }
        string name = t.Word!;
        CheckNameLength(t, name, maxBytes);
        Advance();
        return name;
    }

    private static bool IsIdentifier(Token t) => t.Kind is TokenKind.Id or TokenKind.QuotedId;

    private bool AtIdentifier() => IsIdentifier(_cur);

    private void CheckNameLength(Token t, string name, int maxBytes)
    {
        if (Utf8Text.ByteCount(name) > maxBytes)
        {
            throw SqlErrors.InvalidIdentifier(_sql, t.Kind == TokenKind.QuotedId ? t.Start + 1 : t.Start);
        }
    }

    /// <summary>The name of a table being created: a back-quoted name may not contain '.' (9751, as TDengine says).</summary>
    private TableName ParseNewTableName()
    {
        var name = ParseTableName();
        if (name.Name.Contains('.', StringComparison.Ordinal))
        {
            throw new TaosServerException(ServerErrorCode.InvalidIdentifierName, "The table name cannot contain '.'");
        }
        return name;
    }

    private TableName ParseTableName()
    {
        var first = _cur;
        if (!IsIdentifier(first))
        {
            throw Fail(first);
        }
        Advance();
        if (Is(TokenKind.Dot))
        {
            Advance();
            var second = _cur;
            if (!IsIdentifier(second))
            {
                throw Fail(second);
            }
            Advance();
            CheckNameLength(first, first.Word!, MaxDatabaseNameBytes);
            CheckNameLength(second, second.Word!, MaxTableNameBytes);
            return new TableName(first.Word, second.Word!);
        }
        CheckNameLength(first, first.Word!, MaxTableNameBytes);
        return new TableName(null, first.Word!);
    }

    /// <summary><c>(name, …)</c> of columns or tags, or null when no <c>(</c> follows.</summary>
    private List<string>? ParseOptionalColumnNames() =>
        Is(TokenKind.LParen) ? ParseParenthesizedList(() => ParseName(MaxColumnNameBytes)) : null;

    /// <summary><c>[AS] alias</c>, or null when none follows.</summary>
    private string? ParseOptionalAlias() =>
        TryKw("as") || AtIdentifier() || Is(TokenKind.Alias) ? ParseAlias() : null;

    /// <summary>A column alias: an identifier or a non-ASCII word; TDengine keeps at most 64 bytes of it.</summary>
    private string ParseAlias()
    {
        var t = _cur;
        if (t.Kind is not (TokenKind.Id or TokenKind.QuotedId or TokenKind.Alias))
        {
            throw Fail(t);
        }
        Advance();
        return Utf8Text.WholeCharsPrefix(t.Word!, MaxColumnNameBytes);
    }
}
