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
    private string _sourceColumn = "";
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

    private DbType? _dbType;

    /// <summary>The type set explicitly, else the one inferred from <see cref="Value"/> (as other providers do; <see cref="DbType.String"/> without a value, as the ADO.NET specification has it).</summary>
    public override DbType DbType
    {
        get => _dbType ?? InferDbType(_value);
        set => _dbType = value;
    }

    /// <summary>The type set explicitly (<see cref="DbType"/>'s setter), or null when it is inferred from the value.</summary>
    internal DbType? ExplicitDbType => _dbType;

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
    public override bool IsNullable { get; set; }

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
    public override string SourceColumn
    {
        get => _sourceColumn;
        set => _sourceColumn = value ?? "";
    }

    /// <summary>The row version a data adapter reads the value from; <see cref="DataRowVersion.Current"/> by default.</summary>
    public override DataRowVersion SourceVersion { get; set; } = DataRowVersion.Current;

    /// <inheritdoc/>
    public override bool SourceColumnNullMapping { get; set; }

    /// <summary>The value; null or <see cref="DBNull"/> are sent as SQL <c>NULL</c>.</summary>
    public override object? Value
    {
        get => _value;
        set => _value = value;
    }

    /// <inheritdoc/>
    public override void ResetDbType() => _dbType = null;

    private static DbType InferDbType(object? value) => value switch
    {
        null or DBNull => DbType.String,
        Enum e => InferDbType(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture)),
        string => DbType.String,
        char => DbType.StringFixedLength,
        bool => DbType.Boolean,
        sbyte => DbType.SByte,
        byte => DbType.Byte,
        short => DbType.Int16,
        ushort => DbType.UInt16,
        int => DbType.Int32,
        uint => DbType.UInt32,
        long => DbType.Int64,
        ulong => DbType.UInt64,
        float => DbType.Single,
        double => DbType.Double,
        decimal => DbType.Decimal,
        DateTime or TaosTimestamp => DbType.DateTime,
        DateTimeOffset => DbType.DateTimeOffset,
        byte[] or ReadOnlyMemory<byte> or Memory<byte> => DbType.Binary,
        Guid => DbType.Guid,
        _ => DbType.Object,
    };

    internal string NormalizedName => ParameterNameComparer.Normalize(_name);
}
