namespace Taos;

/// <summary>
/// The statements of one execution (a command's text split into statements, or a batch's commands) and how far they
/// have run. A reader moves it on with <c>NextResult</c>; cancelling abandons the statements not yet started.
/// </summary>
internal sealed class StatementCursor
{
    private readonly IReadOnlyList<PlannedStatement> _statements;
    private int _next;
    private volatile bool _abandoned;

    public StatementCursor(IReadOnlyList<PlannedStatement> statements)
    {
        _statements = statements;
    }

    /// <summary>True while a statement remains to run and the execution was not abandoned.</summary>
    public bool HasNext => !_abandoned && _next < _statements.Count;

    /// <summary>The next statement to run; the cursor moves past it.</summary>
    public PlannedStatement Next() => _statements[_next++];

    /// <summary>Drops the statements not yet started (after a cancel or a failed statement).</summary>
    public void Abandon() => _abandoned = true;
}
