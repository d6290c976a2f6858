namespace Taos;

/// <summary>One statement of a command's text, as <see cref="SqlStatementSplitter"/> found it.</summary>
/// <param name="Text">The statement from its first to its last token (comments around it and the <c>;</c> left out).</param>
/// <param name="PositionalCount">How many <c>?</c> placeholders it holds (outside literals and comments).</param>
/// <param name="Names">The names of its <c>@name</c> placeholders (without the <c>@</c>).</param>
internal sealed record SqlStatement(string Text, int PositionalCount, IReadOnlyList<string> Names);
