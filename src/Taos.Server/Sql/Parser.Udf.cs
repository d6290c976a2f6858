using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE FUNCTION and DROP FUNCTION (user-defined functions).</summary>
internal sealed partial class Parser
{
    /// <summary>TSDB_FUNC_NAME_LEN - 1: the longest function name.</summary>
    private const int MaxFunctionNameBytes = 64;

    /// <summary>After <c>CREATE</c>: whether <c>[OR REPLACE] [AGGREGATE] FUNCTION</c> follows.</summary>
    private bool AtCreateFunction()
    {
        if (IsKw("aggregate") || IsKw("function"))
        {
            return true;
        }
        return IsKw("or") && Peek().IsKeyword("replace") && (Peek(2).IsKeyword("aggregate") || Peek(2).IsKeyword("function"));
    }

    /// <summary>
    /// After <c>CREATE</c>: <c>[OR REPLACE] [AGGREGATE] FUNCTION [IF NOT EXISTS] name AS 'path' OUTPUTTYPE type
    /// [BUFSIZE n] [LANGUAGE 'lang']</c>. An empty path is 9728; a language other than C or Python is 9728
    /// <c>udf programming language supports c and python</c> (createCreateFunctionStmt).
    /// </summary>
    private Statement ParseCreateFunction()
    {
        bool orReplace = false;
        if (TryKw("or"))
        {
            ExpectKw("replace");
            orReplace = true;
        }
        bool aggregate = TryKw("aggregate");
        ExpectKw("function");
        bool ifNotExists = ParseIfNotExists();
        string name = ParseName(MaxFunctionNameBytes);
        ExpectKw("as");
        string path = ParseStringContent();
        ExpectKw("outputtype");
        var type = ParseTypeName();
        int bufSize = 0;
        if (TryKw("bufsize"))
        {
            bufSize = unchecked((int)ParseInteger());
        }
        string? language = null;
        if (TryKw("language"))
        {
            language = ParseStringContent();
        }
        if (path.Length == 0)
        {
            throw new TaosServerException(ServerErrorCode.SyntaxError, "syntax error near");
        }
        return new CreateFunctionStatement(orReplace, aggregate, ifNotExists, name, path, type, bufSize, IsPython(language));
    }

    /// <summary>After <c>DROP FUNCTION</c>: <c>[IF EXISTS] name</c>.</summary>
    private Statement ParseDropFunction()
    {
        bool ifExists = ParseIfExists();
        return new DropFunctionStatement(ifExists, ParseName(MaxFunctionNameBytes));
    }

    /// <summary>
    /// TDengine compares the language with <c>strncasecmp(text, "c" | "python", length)</c>: "" and "c" are C, any
    /// other case-insensitive prefix of "python" is Python, anything else is refused.
    /// </summary>
    private static bool IsPython(string? language)
    {
        if (language is null || language.Length == 0 || language.Equals("c", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (language.Length <= "python".Length && "python".StartsWith(language, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        throw new TaosServerException(ServerErrorCode.SyntaxError, "udf programming language supports c and python");
    }
}
