using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Taos;

/// <summary>
/// A parameter of a <see cref="TaosCommand"/>. TDengine's REST interface has no server-side binding, so the value
/// is written into the statement as a correctly quoted literal (see <see cref="TaosCommand"/>); it is always data,
/// never SQL.
/// </summary>
public sealed class TaosParameter : DbParameter
{
    private string _name = "";
    private object? _value;

    /// <summary>Creates an unnamed parameter (for <c>?</c> placeholders) without a value.</summary>
    public TaosParameter()
    {
    }

    /// <summary>Creates a parameter.</summary>
    /// <param name="parameterName">The name used as <c>@name</c> in the command text (the <c>@</c> is optional here).</param>
    /// <param name="value">The value; null or <see cref="DBNull"/> become SQL <c>NULL</c>.</param>
    public TaosParameter(string? parameterName, object? value)
    {
        _name = parameterName ?? "";
        _value = value;
    }

    /// <inheritdoc/>
    public override DbType DbType { get; set; } = DbType.Object;

    /// <summary>Only <see cref="ParameterDirection.Input"/> is supported.</summary>
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException(TaosStrings.InputParametersOnly);
            }
        }
    }

    /// <inheritdoc/>
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc/>
    [AllowNull]
    public override string ParameterName
    {
        get => _name;
        set => _name = value ?? "";
    }

    /// <inheritdoc/>
    public override int Size { get; set; }

    /// <inheritdoc/>
    [AllowNull]
    public override string SourceColumn { get; set; } = "";

    /// <inheritdoc/>
    public override bool SourceColumnNullMapping { get; set; }

    /// <summary>The value; null or <see cref="DBNull"/> are sent as SQL <c>NULL</c>.</summary>
    public override object? Value
    {
        get => _value;
        set => _value = value;
    }

    /// <inheritdoc/>
    public override void ResetDbType() => DbType = DbType.Object;

    internal string NormalizedName => ParameterNameComparer.Normalize(_name);
}
