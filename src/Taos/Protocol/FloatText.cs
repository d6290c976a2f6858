using System.Globalization;
using System.Text;

namespace Taos.Protocol;

/// <summary>
/// The text of a floating-point number as TDengine's REST interface (Go's encoding/json) and its SQL string
/// conversions show it: the shortest digits that round-trip at the value's own width, plain notation for
/// 1e-6 ≤ |v| &lt; 1e21, else exponent notation with a signed exponent of at least two digits for positive and one
/// for negative powers.
/// </summary>
internal static class FloatText
{
    /// <summary>The shortest round-trip text of a double.</summary>
    public static string FormatDouble(double value) => Format(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value));

    /// <summary>The shortest round-trip text of a float (digits of the float, not of its widened double).</summary>
    public static string FormatFloat(float value) => Format(value.ToString("R", CultureInfo.InvariantCulture), Math.Abs(value));

    private static string Format(string roundTrip, double abs)
    {
        // roundTrip is .NET's shortest form: "123.45", "1E+21", "1.5E-07", "-3.4E+38".
        bool negative = roundTrip.StartsWith('-');
        string body = negative ? roundTrip[1..] : roundTrip;
        int exponent = 0;
        int e = body.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }
        int dot = body.IndexOf('.');
        string digits = dot < 0 ? body : body[..dot] + body[(dot + 1)..];
        int pointPosition = (dot < 0 ? body.Length : dot) + exponent; // digits before the decimal point
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }
        digits = digits[leadingZeros..];
        pointPosition -= leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0" : "0";
        }

        var sb = new StringBuilder(32);
        if (negative) sb.Append('-');
        bool exponential = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        if (exponential)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }
            int exp = pointPosition - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            int absExp = Math.Abs(exp);
            if (exp >= 0 && absExp < 10) sb.Append('0');
            sb.Append(absExp.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }
        if (pointPosition <= 0)
        {
            sb.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
        return sb.ToString();
    }
}
