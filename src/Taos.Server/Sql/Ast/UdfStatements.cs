namespace Taos.Server.Sql.Ast;

/// <summary>
/// <c>CREATE [OR REPLACE] [AGGREGATE] FUNCTION [IF NOT EXISTS] name AS 'library' OUTPUTTYPE type [BUFSIZE n]
/// [LANGUAGE 'C'|'Python']</c>: <see cref="Python"/> when the language names Python (C otherwise);
/// <see cref="BufSize"/> as TDengine reads it (strtol cast to int32).
/// </summary>
internal sealed record CreateFunctionStatement(bool OrReplace, bool Aggregate, bool IfNotExists, string Name, string LibraryPath,
    TypeSpec OutputType, int BufSize, bool Python) : Statement;

/// <summary><c>DROP FUNCTION [IF EXISTS] name</c>.</summary>
internal sealed record DropFunctionStatement(bool IfExists, string Name) : Statement;
