using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace Taos.Schemaless;

/// <summary>
/// Turns objects of <typeparamref name="T"/> into <see cref="TaosPoint"/>s by their <see cref="TaosMeasurementAttribute"/>,
/// <see cref="TaosTagAttribute"/>, <see cref="TaosFieldAttribute"/> and <see cref="TaosTimestampAttribute"/>. The
/// properties are looked up once per type, into typed getter delegates (no reflection per point); a type the writer
/// cannot map reports why on first use.
/// </summary>
internal static class TaosPointMapper<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T> where T : class
{
    private delegate Action<T, TaosPoint> PartFactory(PropertyInfo property, string name);

    private static readonly string Measurement;
    private static readonly Action<T, TaosPoint>[] Parts = [];
    private static readonly Exception? Failure;

    static TaosPointMapper()
    {
        var type = typeof(T);
        Measurement = type.GetCustomAttribute<TaosMeasurementAttribute>()?.Name ?? type.Name;
        try
        {
            Parts = Map();
        }
        catch (NotSupportedException e)
        {
            Failure = e;
        }
    }

    /// <summary>The point of <paramref name="item"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no field, or a marked property of a type the writer cannot write.</exception>
    /// <exception cref="ArgumentException">A value the line protocol cannot carry (see <see cref="TaosPoint"/>).</exception>
    public static TaosPoint ToPoint(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Failure is not null) throw new NotSupportedException(Failure.Message, Failure);
        var point = TaosPoint.Measurement(Measurement);
        foreach (var part in Parts) part(item, point);
        return point;
    }

    private static Action<T, TaosPoint>[] Map()
    {
        var type = typeof(T);
        var fields = FieldFactories();
        var tags = TagFactories();
        var timestamps = TimestampFactories();
        var parts = new List<Action<T, TaosPoint>>();
        bool anyField = false;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true }) continue;
            if (property.GetCustomAttribute<TaosFieldAttribute>() is { } field)
            {
                string name = field.Name ?? property.Name;
                var factory = field.NChar && property.PropertyType == typeof(string) ? NChar : Lookup(fields, property, "field");
                parts.Add(factory(property, name));
                anyField = true;
            }
            else if (property.GetCustomAttribute<TaosTagAttribute>() is { } tag)
            {
                // The point keeps tags apart from fields, so the order of the properties does not matter.
                parts.Add(Lookup(tags, property, "tag")(property, tag.Name ?? property.Name));
            }
            else if (property.GetCustomAttribute<TaosTimestampAttribute>() is not null)
            {
                parts.Add(Lookup(timestamps, property, "timestamp")(property, property.Name));
            }
        }
        if (!anyField) throw new NotSupportedException(SchemalessStrings.NoMappedFields(type));
        return [.. parts];
    }

    private static PartFactory Lookup(Dictionary<Type, PartFactory> factories, PropertyInfo property, string role) =>
        factories.TryGetValue(property.PropertyType, out var factory)
            ? factory
            : throw new NotSupportedException(SchemalessStrings.UnsupportedProperty(typeof(T), property.Name, property.PropertyType, role));

    private static Func<T, TValue> Getter<TValue>(PropertyInfo property) => property.GetMethod!.CreateDelegate<Func<T, TValue>>();

    private static Action<T, TaosPoint> NChar(PropertyInfo property, string name)
    {
        var get = Getter<string?>(property);
        return (item, point) =>
        {
            if (get(item) is { } value) point.NCharField(name, value);
        };
    }

    /// <summary>Registers the writer of <typeparamref name="TValue"/> and of its nullable (null leaves the part out).</summary>
    private static void Both<TValue>(Dictionary<Type, PartFactory> factories, Action<TaosPoint, string, TValue> add) where TValue : struct
    {
        factories[typeof(TValue)] = (property, name) =>
        {
            var get = Getter<TValue>(property);
            return (item, point) => add(point, name, get(item));
        };
        factories[typeof(TValue?)] = (property, name) =>
        {
            var get = Getter<TValue?>(property);
            return (item, point) =>
            {
                if (get(item) is { } value) add(point, name, value);
            };
        };
    }

    private static void Reference<TValue>(Dictionary<Type, PartFactory> factories, Action<TaosPoint, string, TValue> add) where TValue : class =>
        factories[typeof(TValue)] = (property, name) =>
        {
            var get = Getter<TValue?>(property);
            return (item, point) =>
            {
                if (get(item) is { } value) add(point, name, value);
            };
        };

    private static Dictionary<Type, PartFactory> FieldFactories()
    {
        var f = new Dictionary<Type, PartFactory>();
        Both<double>(f, static (p, n, v) => p.Field(n, v));
        Both<float>(f, static (p, n, v) => p.Field(n, v));
        Both<long>(f, static (p, n, v) => p.Field(n, v));
        Both<int>(f, static (p, n, v) => p.Field(n, v));
        Both<short>(f, static (p, n, v) => p.Field(n, v));
        Both<sbyte>(f, static (p, n, v) => p.Field(n, v));
        Both<ulong>(f, static (p, n, v) => p.Field(n, v));
        Both<uint>(f, static (p, n, v) => p.Field(n, v));
        Both<ushort>(f, static (p, n, v) => p.Field(n, v));
        Both<byte>(f, static (p, n, v) => p.Field(n, v));
        Both<bool>(f, static (p, n, v) => p.Field(n, v));
        Reference<string>(f, static (p, n, v) => p.Field(n, v));
        Reference<byte[]>(f, static (p, n, v) => p.Field(n, v));
        return f;
    }

    private static Dictionary<Type, PartFactory> TagFactories()
    {
        var t = new Dictionary<Type, PartFactory>();
        Reference<string>(t, static (p, n, v) =>
        {
            if (v.Length > 0) p.Tag(n, v);
        });
        Both<long>(t, static (p, n, v) => p.Tag(n, v.ToString(CultureInfo.InvariantCulture)));
        Both<int>(t, static (p, n, v) => p.Tag(n, v.ToString(CultureInfo.InvariantCulture)));
        Both<bool>(t, static (p, n, v) => p.Tag(n, v ? "true" : "false"));
        return t;
    }

    private static Dictionary<Type, PartFactory> TimestampFactories()
    {
        var s = new Dictionary<Type, PartFactory>();
        Both<DateTime>(s, static (p, _, v) => p.Timestamp(v));
        Both<DateTimeOffset>(s, static (p, _, v) => p.Timestamp(v));
        Both<TaosTimestamp>(s, static (p, _, v) => p.Timestamp(v));
        Both<long>(s, static (p, _, v) => p.Timestamp(v));
        return s;
    }
}
