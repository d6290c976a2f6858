using System.Data;
using System.Globalization;

namespace Taos;

/// <summary>
/// A parameter's value as its explicitly set <see cref="TaosParameter.DbType"/> asks it to be sent (as other providers
/// let <c>DbType</c> choose the wire type): numbers, booleans and text convert to the .NET type the
/// <see cref="DbType"/> stands for; date, binary and other types, and values that cannot convert themselves
/// (<see cref="TaosTimestamp"/>, byte arrays), bind as they are.
/// </summary>
internal static class DbTypeConversion
{
    /// <summary><paramref name="value"/> as <paramref name="type"/> asks it to be bound.</summary>
    /// <exception cref="InvalidCastException">The value cannot be converted to the type (named after <paramref name="parameterName"/>).</exception>
    public static object Convert(object value, DbType type, string parameterName)
    {
        Type? target = Target(type);
        if (target is null || value is DBNull || value is not IConvertible || value.GetType() == target) return value;
        try
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException(TaosStrings.ParameterNotConvertible(parameterName, value.GetType(), type, e.Message), e);
        }
    }

    private static Type? Target(DbType type) => type switch
    {
        DbType.Boolean => typeof(bool),
        DbType.Byte => typeof(byte),
        DbType.SByte => typeof(sbyte),
        DbType.Int16 => typeof(short),
        DbType.UInt16 => typeof(ushort),
        DbType.Int32 => typeof(int),
        DbType.UInt32 => typeof(uint),
        DbType.Int64 => typeof(long),
        DbType.UInt64 => typeof(ulong),
        DbType.Single => typeof(float),
        DbType.Double => typeof(double),
        DbType.Decimal or DbType.Currency or DbType.VarNumeric => typeof(decimal),
        DbType.String or DbType.AnsiString or DbType.StringFixedLength or DbType.AnsiStringFixedLength => typeof(string),
        _ => null,
    };
}
