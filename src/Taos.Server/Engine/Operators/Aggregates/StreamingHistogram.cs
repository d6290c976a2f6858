namespace Taos.Server.Engine.Operators.Aggregates;

/// <summary>
/// The streaming histogram behind APERCENTILE's default algorithm (Ben-Haim and Tom-Tov, "A Streaming Parallel
/// Decision Tree Algorithm", JMLR 11, 2010), as TDengine keeps it: at most 500 bins of (value, count) in value order;
/// a value beyond the last bin merges the two closest bins into their weighted mean.
/// </summary>
internal sealed class StreamingHistogram
{
    /// <summary>TDengine's MAX_HISTOGRAM_BIN.</summary>
    public const int MaxBins = 500;

    private readonly List<(double Value, long Count)> _bins = [];
    private long _total;
    private double _min = double.MaxValue;
    private double _max = double.MinValue;

    /// <summary>How many values were added.</summary>
    public long Total => _total;

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        int idx = Search(value);
        if (idx < _bins.Count && _bins[idx].Value == value)
        {
            _bins[idx] = (value, _bins[idx].Count + 1);
        }
        else
        {
            _bins.Insert(idx, (value, 1));
            if (_bins.Count > MaxBins) MergeClosest();
        }
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _total++;
    }

    /// <summary>
    /// The value below which <paramref name="percent"/> % of the values lie: the bins' counts interpolated as a
    /// trapezoid between neighbouring bins (the paper's "uniform" procedure).
    /// </summary>
    public double Percentile(double percent)
    {
        double wanted = percent / 100 * _total;
        if (wanted == 0) return _min;
        if (wanted <= _bins[0].Count) return _bins[0].Value;
        if (wanted == _total) return _max;
        int j = 0;
        long total = 0;
        while (j + 1 < _bins.Count)
        {
            total += _bins[j].Count;
            if (total <= wanted && total + _bins[j + 1].Count > wanted) break;
            j++;
        }
        if (j + 1 >= _bins.Count) return _max;
        double delta = wanted - total;
        double start = _bins[j].Count;
        double range = _bins[j + 1].Count - start;
        double span = _bins[j + 1].Value - _bins[j].Value;
        if (range == 0) return span * delta / start + _bins[j].Value;
        double factor = (-2 * start + Math.Sqrt(4 * start * start + 8 * range * delta)) / (2 * range);
        return _bins[j].Value + span * factor;
    }

    private int Search(double value)
    {
        int lo = 0, hi = _bins.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (_bins[mid].Value == value) return mid;
            if (_bins[mid].Value < value) lo = mid + 1;
            else hi = mid - 1;
        }
        return lo;
    }

    private void MergeClosest()
    {
        int index = 0;
        double delta = double.MaxValue;
        for (int i = 1; i < _bins.Count; i++)
        {
            double d = _bins[i].Value - _bins[i - 1].Value;
            if (d < delta)
            {
                delta = d;
                index = i - 1;
            }
        }
        var (v1, n1) = _bins[index];
        var (v2, n2) = _bins[index + 1];
        _bins[index] = ((v1 * n1 + v2 * n2) / (n1 + n2), n1 + n2);
        _bins.RemoveAt(index + 1);
    }
}
