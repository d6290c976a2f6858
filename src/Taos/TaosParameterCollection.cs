using System.Collections;
using System.Data.Common;

namespace Taos;

/// <summary>The parameters of a <see cref="TaosCommand"/>.</summary>
public sealed class TaosParameterCollection : DbParameterCollection
{
    private readonly List<TaosParameter> _items = [];

    internal TaosParameterCollection()
    {
    }

    /// <inheritdoc/>
    public override int Count => _items.Count;

    /// <inheritdoc/>
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new TaosParameter this[int index]
    {
        get => _items[index];
        set => _items[index] = Cast(value);
    }

    /// <summary>The parameter named <paramref name="parameterName"/> (with or without <c>@</c>).</summary>
    public new TaosParameter this[string parameterName]
    {
        get => _items[IndexOfChecked(parameterName)];
        set => _items[IndexOfChecked(parameterName)] = Cast(value);
    }

    /// <summary>Adds a parameter.</summary>
    public TaosParameter Add(TaosParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        _items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter with a name and a value.</summary>
    public TaosParameter AddWithValue(string parameterName, object? value) => Add(new TaosParameter(parameterName, value));

    /// <inheritdoc/>
    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    /// <inheritdoc/>
    public override void AddRange(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    /// <inheritdoc/>
    public override void Clear() => _items.Clear();

    /// <inheritdoc/>
    public override bool Contains(object value) => value is TaosParameter p && _items.Contains(p);

    /// <inheritdoc/>
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc/>
    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    /// <inheritdoc/>
    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc/>
    public override int IndexOf(object value) => value is TaosParameter p ? _items.IndexOf(p) : -1;

    /// <inheritdoc/>
    public override int IndexOf(string parameterName)
    {
        string name = ParameterNameComparer.Normalize(parameterName ?? "");
        for (int i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].NormalizedName, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <inheritdoc/>
    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    /// <inheritdoc/>
    public override void Remove(object value) => _items.Remove(Cast(value));

    /// <inheritdoc/>
    public override void RemoveAt(int index) => _items.RemoveAt(index);

    /// <inheritdoc/>
    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOfChecked(parameterName));

    /// <inheritdoc/>
    protected override DbParameter GetParameter(int index) => _items[index];

    /// <inheritdoc/>
    protected override DbParameter GetParameter(string parameterName) => _items[IndexOfChecked(parameterName)];

    /// <inheritdoc/>
    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    /// <inheritdoc/>
    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOfChecked(parameterName)] = Cast(value);

    private int IndexOfChecked(string parameterName)
    {
        int i = IndexOf(parameterName);
        return i >= 0 ? i : throw new ArgumentException(TaosStrings.MissingParameter(parameterName), nameof(parameterName));
    }

    private static TaosParameter Cast(object? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value as TaosParameter ?? throw new InvalidCastException(TaosStrings.NotATaosParameter(value));
    }
}
