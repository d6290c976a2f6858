using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace Taos.Tmq;

/// <summary>
/// Maps a block's rows to objects: each writable public property of the type takes the column of its name (case and
/// underscores ignored), converted to the property's type; a <c>string</c> property named <c>TableName</c> or
/// <c>tbname</c> without such a column takes the block's table name. A type's properties are looked up once.
/// </summary>
internal static class TmqRowMapper
{
    /// <summary>What the mapping needs of a type: its public properties and its parameterless constructor.</summary>
    public const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    /// <summary>Appends one new <typeparamref name="T"/> per row of <paramref name="block"/> to <paramref name="into"/>.</summary>
    public static void Append<[DynamicallyAccessedMembers(Members)] T>(TaosConsumeBlock block, List<T> into) where T : new()
    {
        var properties = PropertiesOf<T>.ByKey;
        var targets = new PropertyInfo?[block.Columns.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            properties.TryGetValue(Key(block.Columns[i].Name), out targets[i]);
        }
        var tableName = TableNameProperty(properties, block);
        using var reader = block.GetReader();
        while (reader.Read())
        {
            object item = new T();
            for (int i = 0; i < targets.Length; i++)
            {
                if (targets[i] is not { } property || reader.IsDBNull(i)) continue;
                property.SetValue(item, Convert(reader.GetValue(i), property, block.Columns[i]));
            }
            tableName?.SetValue(item, block.TableName);
            into.Add((T)item);
        }
    }

    private static Dictionary<string, PropertyInfo> Describe([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
    {
        var map = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.SetMethod!.IsPublic && property.GetIndexParameters().Length == 0) map.TryAdd(Key(property.Name), property);
        }
        return map;
    }

    // The writable properties of a type by their key, looked up once per type.
    private static class PropertiesOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    {
        public static readonly Dictionary<string, PropertyInfo> ByKey = Describe(typeof(T));
    }

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static PropertyInfo? TableNameProperty(Dictionary<string, PropertyInfo> properties, TaosConsumeBlock block)
    {
        foreach (string name in (ReadOnlySpan<string>)["tablename", "tbname"])
        {
            if (properties.TryGetValue(name, out var property) && property.PropertyType == typeof(string)
                && !block.Columns.Any(c => Key(c.Name) == name))
            {
                return property;
            }
        }
        return null;
    }

    private static object Convert(object value, PropertyInfo property, Transport.TaosColumnMeta column)
    {
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (target.IsInstanceOfType(value)) return value;
        try
        {
            return value switch
            {
                TaosTimestamp ts when target == typeof(DateTime) => ts.ToDateTime(),
                TaosTimestamp ts when target == typeof(DateTimeOffset) => ts.ToDateTimeOffset(),
                TaosTimestamp ts when target == typeof(long) => ts.EpochTicks,
                DateTime dt when target == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                DateTime dt when target == typeof(TaosTimestamp) => TaosTimestamp.FromDateTime(dt, column.Precision),
                DateTime dt when target == typeof(long) => TaosTimestamp.FromDateTime(dt, column.Precision).EpochTicks,
                _ when target == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
                IConvertible => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException(TmqStrings.CannotMap(column.Name, column.TypeName, property.Name, property.PropertyType.Name), e);
        }
    }
}
