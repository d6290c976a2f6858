namespace Taos.Server.Engine.Storage;

/// <summary>
/// One column of a <see cref="ColumnBatch"/>: values of one TDengine type in a typed array plus a null mask, so
/// that scans, filters and aggregates read them without boxing. Which array holds the values depends on the type:
/// <see cref="Longs"/> for BOOL (0/1), the signed and unsigned integers (unsigned ones as their bits) and
/// TIMESTAMP; <see cref="Doubles"/> for FLOAT (widened exactly) and DOUBLE; <see cref="Objects"/> for
/// VARCHAR/NCHAR/JSON (<see cref="string"/>) and VARBINARY/GEOMETRY (<see cref="byte"/>[]). The other arrays are empty.
/// </summary>
internal sealed class ColumnVector
{
    public ColumnVector(TaosDataType type, int capacity)
    {
        Type = type;
        Nulls = new bool[capacity];
        switch (StorageOf(type))
        {
            case VectorStorage.Longs:
                Longs = new long[capacity];
                break;
            case VectorStorage.Doubles:
                Doubles = new double[capacity];
                break;
            default:
                Objects = new object?[capacity];
                break;
        }
    }

    public TaosDataType Type { get; }

    public long[] Longs { get; } = [];

    public double[] Doubles { get; } = [];

    public object?[] Objects { get; } = [];

    /// <summary>True where the value is NULL (the typed slot is then meaningless).</summary>
    public bool[] Nulls { get; }

    /// <summary>Which array of a vector holds values of <paramref name="type"/>.</summary>
    public static VectorStorage StorageOf(TaosDataType type) => type switch
    {
        TaosDataType.Float or TaosDataType.Double => VectorStorage.Doubles,
        TaosDataType.VarChar or TaosDataType.NChar or TaosDataType.Json or TaosDataType.VarBinary or TaosDataType.Geometry => VectorStorage.Objects,
        _ => VectorStorage.Longs,
    };

    /// <summary>The value at <paramref name="index"/> boxed as a result value (see <see cref="RowSetResult"/>), or null.</summary>
    public object? GetValue(int index)
    {
        if (Nulls[index]) return null;
        return Type switch
        {
            TaosDataType.Bool => Longs[index] != 0,
            TaosDataType.TinyInt => (sbyte)Longs[index],
            TaosDataType.SmallInt => (short)Longs[index],
            TaosDataType.Int => (int)Longs[index],
            TaosDataType.BigInt or TaosDataType.Timestamp => Longs[index],
            TaosDataType.UTinyInt => (byte)Longs[index],
            TaosDataType.USmallInt => (ushort)Longs[index],
            TaosDataType.UInt => (uint)Longs[index],
            TaosDataType.UBigInt => unchecked((ulong)Longs[index]),
            TaosDataType.Float => (float)Doubles[index],
            TaosDataType.Double => Doubles[index],
            _ => Objects[index],
        };
    }

    /// <summary>Stores a result value (typed as <see cref="GetValue"/> returns it; null for NULL) at <paramref name="index"/>.</summary>
    public void SetValue(int index, object? value)
    {
        Nulls[index] = value is null;
        if (value is null) return;
        switch (value)
        {
            case bool b: Longs[index] = b ? 1 : 0; break;
            case sbyte v: Longs[index] = v; break;
            case short v: Longs[index] = v; break;
            case int v: Longs[index] = v; break;
            case long v: Longs[index] = v; break;
            case byte v: Longs[index] = v; break;
            case ushort v: Longs[index] = v; break;
            case uint v: Longs[index] = v; break;
            case ulong v: Longs[index] = unchecked((long)v); break;
            case float v: Doubles[index] = v; break;
            case double v: Doubles[index] = v; break;
            default: Objects[index] = value; break;
        }
    }
}

/// <summary>The array of a <see cref="ColumnVector"/> that holds its values.</summary>
internal enum VectorStorage { Longs, Doubles, Objects }
