using System.Globalization;

namespace Taos.Server.Engine.Topics;

/// <summary>C's printf conversions TDengine's JSON meta is printed with: <c>%1.15g</c>/<c>%1.17g</c> (cJSON numbers) and <c>%e</c>.</summary>
internal static class CFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A number as cJSON prints it: <c>%1.15g</c>, or <c>%1.17g</c> when 15 digits do not read back exactly; <c>null</c> for NaN and infinities.</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return "null";
        string text = General(d, 15);
        return double.Parse(text, Invariant) == d ? text : General(d, 17);
    }

    /// <summary>C's <c>%e</c>: six decimals, an exponent of at least two digits.</summary>
    public static string Exponent(double d)
    {
        string e = d.ToString("E6", Invariant);
        int at = e.IndexOf('E');
        return e[..at] + CExponent(int.Parse(e[(at + 1)..], Invariant));
    }

    /// <summary>C's <c>%.{precision}g</c>.</summary>
    private static string General(double d, int precision)
    {
        if (d == 0) return double.IsNegative(d) ? "-0" : "0";
        string e = d.ToString("E" + (precision - 1).ToString(Invariant), Invariant);
        int at = e.IndexOf('E');
        int exponent = int.Parse(e[(at + 1)..], Invariant);
        if (exponent < -4 || exponent >= precision) return TrimZeros(e[..at]) + CExponent(exponent);
        return TrimZeros(d.ToString("F" + (precision - 1 - exponent).ToString(Invariant), Invariant));
    }

    private static string CExponent(int exponent) =>
        "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", Invariant);

    private static string TrimZeros(string text) => text.Contains('.') ? text.TrimEnd('0').TrimEnd('.') : text;
}
