using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// Writes 2D WKB (what a GEOMETRY value holds) as the WKT text an SQL literal takes: POINT, LINESTRING, POLYGON,
/// their MULTI forms and GEOMETRYCOLLECTION. Malformed WKB is a <see cref="FormatException"/>.
/// </summary>
internal static class WkbText
{
    private static readonly string[] Names = ["", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"];

    /// <summary>The WKT of <paramref name="wkb"/>.</summary>
    public static string Write(ReadOnlySpan<byte> wkb)
    {
        var text = new StringBuilder();
        int at = 0;
        Geometry(wkb, ref at, text, named: true);
        return text.ToString();
    }

    /// <summary>One geometry; the members of a MULTI geometry go without their type name.</summary>
    private static void Geometry(ReadOnlySpan<byte> wkb, ref int at, StringBuilder text, bool named)
    {
        bool little = Take(wkb, ref at, 1)[0] == 1;
        uint type = UInt(wkb, ref at, little);
        if (type is 0 or > 7) throw new FormatException($"WKB geometry type {type}");
        if (named) text.Append(Names[type]);
        if (type == 1)
        {
            text.Append('(');
            Coordinate(wkb, ref at, little, text);
            text.Append(')');
            return;
        }
        uint count = UInt(wkb, ref at, little);
        if (count > (uint)wkb.Length) throw new FormatException("WKB count past its bytes");
        text.Append('(');
        for (uint i = 0; i < count; i++)
        {
            if (i > 0) text.Append(',');
            if (type == 2) Coordinate(wkb, ref at, little, text);
            else if (type == 3) Ring(wkb, ref at, little, text);
            else Geometry(wkb, ref at, text, named: type == 7);
        }
        text.Append(')');
    }

    private static void Ring(ReadOnlySpan<byte> wkb, ref int at, bool little, StringBuilder text)
    {
        uint points = UInt(wkb, ref at, little);
        if (points > (uint)wkb.Length) throw new FormatException("WKB ring past its bytes");
        text.Append('(');
        for (uint i = 0; i < points; i++)
        {
            if (i > 0) text.Append(',');
            Coordinate(wkb, ref at, little, text);
        }
        text.Append(')');
    }

    private static void Coordinate(ReadOnlySpan<byte> wkb, ref int at, bool little, StringBuilder text)
    {
        var x = Take(wkb, ref at, 8);
        var y = Take(wkb, ref at, 8);
        double dx = little ? BinaryPrimitives.ReadDoubleLittleEndian(x) : BinaryPrimitives.ReadDoubleBigEndian(x);
        double dy = little ? BinaryPrimitives.ReadDoubleLittleEndian(y) : BinaryPrimitives.ReadDoubleBigEndian(y);
        text.Append(dx.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(dy.ToString("R", CultureInfo.InvariantCulture));
    }

    private static uint UInt(ReadOnlySpan<byte> wkb, ref int at, bool little)
    {
        var bytes = Take(wkb, ref at, 4);
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> wkb, ref int at, int count)
    {
        if (count > wkb.Length - at) throw new FormatException("WKB cut short");
        var span = wkb.Slice(at, count);
        at += count;
        return span;
    }
}
