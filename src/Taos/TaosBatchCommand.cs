using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Taos;

/// <summary>
/// One command of a <see cref="TaosBatch"/>: its own text (one statement, or several separated by <c>;</c> as in
/// <see cref="TaosCommand"/>) and its own parameters.
/// </summary>
public sealed class TaosBatchCommand : DbBatchCommand
{
    private string _commandText;

    /// <summary>Creates a batch command without text.</summary>
    public TaosBatchCommand()
        : this(null)
    {
    }

    /// <summary>Creates a batch command with its text.</summary>
    public TaosBatchCommand(string? commandText)
    {
        _commandText = commandText ?? "";
    }

    /// <inheritdoc/>
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? "";
    }

    /// <summary>Only <see cref="CommandType.Text"/>.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException(TaosStrings.NotTextCommand);
        }
    }

    /// <summary>
    /// Rows written by this command's statements in the batch's last execution (0 for DDL); -1 when none of them was
    /// an INSERT or DDL, or before they ran.
    /// </summary>
    public override int RecordsAffected => TaosCommand.ToRecordsAffected(Affected);

    /// <summary>The parameters bound into <see cref="CommandText"/>.</summary>
    public new TaosParameterCollection Parameters { get; } = new();

    /// <inheritdoc/>
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <summary>True: <see cref="CreateParameter"/> makes a <see cref="TaosParameter"/>.</summary>
    public override bool CanCreateParameter => true;

    /// <summary>Creates a parameter (not added to <see cref="Parameters"/>).</summary>
    public override TaosParameter CreateParameter() => new();

    internal long? Affected { get; private set; }

    internal void ResetRecordsAffected() => Affected = null;

    internal void AddRecordsAffected(long? affected)
    {
        if (affected is long n) Affected = (Affected ?? 0) + n;
    }
}
