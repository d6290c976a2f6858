using System.Globalization;
using System.Text.Json;

namespace Taos.Server.Engine.Functions;

/// <summary>
/// HISTOGRAM's bins: the ascending edges its bin description names, and the text of one bin of the answer.
/// A value falls in the bin (lower, upper].
/// </summary>
internal static class HistogramBins
{
    /// <summary>TDengine's limit on the number of bins.</summary>
    public const int MaxBins = 1000;

    /// <summary>
    /// The edges of <paramref name="binType"/> <c>user_input</c> (a JSON array of ascending numbers),
    /// <c>linear_bin</c> (<c>{"start", "width", "count", "infinity"}</c>) or <c>log_bin</c>
    /// (<c>{"start", "factor", "count", "infinity"}</c>); null when the description is not valid.
    /// </summary>
    public static double[]? Edges(string binType, string description)
    {
        try
        {
            using var doc = JsonDocument.Parse(description);
            var root = doc.RootElement;
            double[]? edges = binType.ToLowerInvariant() switch
            {
                "user_input" => UserInput(root),
                "linear_bin" or "log_bin" => Generated(root, binType.Equals("log_bin", StringComparison.OrdinalIgnoreCase)),
                _ => null,
            };
            return edges is { Length: >= 2 and <= MaxBins + 1 } ? edges : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>One bin of the answer: <c>{"lower_bin":0, "upper_bin":3, "count":3}</c> (a fraction as <c>%lf</c> when normalized).</summary>
    public static string Text(double lower, double upper, long count, double? fraction) =>
        "{\"lower_bin\":" + CNumber(lower) + ", \"upper_bin\":" + CNumber(upper) + ", \"count\":" +
        (fraction is { } f ? f.ToString("F6", CultureInfo.InvariantCulture) : count.ToString(CultureInfo.InvariantCulture)) + "}";

    /// <summary>C's <c>%g</c>: six significant digits, <c>inf</c> for the infinities.</summary>
    private static string CNumber(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    private static double[]? UserInput(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) return null;
        var edges = root.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int i = 1; i < edges.Length; i++)
        {
            if (edges[i] <= edges[i - 1]) return null;
        }
        return edges;
    }

    private static double[]? Generated(JsonElement root, bool log)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        double start = root.GetProperty("start").GetDouble();
        double step = root.GetProperty(log ? "factor" : "width").GetDouble();
        long count = root.GetProperty("count").GetInt64();
        bool infinity = root.GetProperty("infinity").GetBoolean();
        if (count <= 0 || count > MaxBins || (log ? step <= 0 || step == 1 || start == 0 : step == 0)) return null;
        var edges = new List<double>();
        if (infinity) edges.Add(double.NegativeInfinity);
        var generated = Enumerable.Range(0, (int)count + 1).Select(i => log ? start * Math.Pow(step, i) : start + step * i).Order();
        edges.AddRange(generated);
        if (infinity) edges.Add(double.PositiveInfinity);
        return [.. edges];
    }
}
