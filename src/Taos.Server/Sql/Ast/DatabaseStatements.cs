namespace Taos.Server.Sql.Ast;

/// <summary>One <c>name value</c> option of CREATE DATABASE; <see cref="Values"/> holds one or more tokens as written (KEEP takes up to three).</summary>
internal sealed record DatabaseOption(string Name, IReadOnlyList<string> Values);

/// <summary><c>CREATE DATABASE [IF NOT EXISTS] db [option value …]</c>.</summary>
internal sealed record CreateDatabaseStatement(string Name, bool IfNotExists, IReadOnlyList<DatabaseOption> Options) : Statement;

/// <summary><c>DROP DATABASE [IF EXISTS] db</c>.</summary>
internal sealed record DropDatabaseStatement(string Name, bool IfExists) : Statement;

/// <summary><c>USE db</c>.</summary>
internal sealed record UseDatabaseStatement(string Name) : Statement;

/// <summary><c>ALTER DATABASE db option value …</c>; options as in <see cref="CreateDatabaseStatement"/>.</summary>
internal sealed record AlterDatabaseStatement(string Name, IReadOnlyList<DatabaseOption> Options) : Statement;
