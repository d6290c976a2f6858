using System.Buffers.Binary;
using System.Globalization;

namespace Taos.Server.Engine.Write;

/// <summary>
/// Reads 2-D WKT (POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON) into little-endian WKB the way
/// TDengine does through GEOS; malformed text fails with GEOS's <c>ParseException: …</c> wording.
/// </summary>
internal sealed class WktReader
{
    private readonly string _text;
    private int _pos;
    private readonly List<byte> _out = new();

    private WktReader(string text) => _text = text;

    /// <summary>Returns the WKB bytes, or null with <paramref name="error"/> set to GEOS's message.</summary>
    public static byte[]? TryRead(string text, out string? error)
    {
        var reader = new WktReader(text);
        try
        {
            reader.ReadGeometry();
            var trailing = reader.NextToken();
            if (trailing.Kind != TokenKind.End)
                throw new WktException("Unexpected text after end of geometry");
            error = null;
            return reader._out.ToArray();
        }
        catch (WktException e)
        {
            error = "ParseException: " + e.Message;
            return null;
        }
    }

    private sealed class WktException(string message) : Exception(message);

    private enum TokenKind { Word, Number, LParen, RParen, Comma, End, Other }

    private readonly record struct Token(TokenKind Kind, string Text, double Number);

    private Token NextToken()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
        if (_pos >= _text.Length) return new Token(TokenKind.End, "", 0);
        char c = _text[_pos];
        switch (c)
        {
            case '(': _pos++; return new Token(TokenKind.LParen, "(", 0);
            case ')': _pos++; return new Token(TokenKind.RParen, ")", 0);
            case ',': _pos++; return new Token(TokenKind.Comma, ",", 0);
        }
        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.')) _pos++;
            string s = _text[start.._pos];
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !s.Contains("Infinity", StringComparison.OrdinalIgnoreCase))
                return new Token(TokenKind.Number, s, d);
            return new Token(TokenKind.Word, s, 0);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            int start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '+' or '.')) _pos++;
            return new Token(TokenKind.Word, _text[start.._pos], 0);
        }
        _pos++;
        return new Token(TokenKind.Other, c.ToString(), 0);
    }

    private Token Peek()
    {
        int saved = _pos;
        var token = NextToken();
        _pos = saved;
        return token;
    }

    private static string Describe(Token t) => t.Kind switch
    {
        TokenKind.End => "end of stream",
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        _ => "'" + t.Text + "'",
    };

    private string NextWord()
    {
        var t = NextToken();
        return t.Kind switch
        {
            TokenKind.Word => t.Text.ToUpperInvariant(),
            TokenKind.LParen => "(",
            TokenKind.RParen => ")",
            TokenKind.Comma => ",",
            TokenKind.Number => throw new WktException("Expected word but encountered number: '" + t.Text + "'"),
            TokenKind.End => throw new WktException("Expected word but encountered end of stream"),
            _ => throw new WktException("Expected word but encountered '" + t.Text + "'"),
        };
    }

    private double NextNumber()
    {
        var t = NextToken();
        return t.Kind switch
        {
            TokenKind.Number => t.Number,
            TokenKind.Word => throw new WktException("Expected number but encountered word: '" + t.Text + "'"),
            _ => throw new WktException("Expected number but encountered " + Describe(t)),
        };
    }

    /// <summary>True for <c>EMPTY</c>, false for <c>(</c>.</summary>
    private bool EmptyOrOpener()
    {
        string word = NextWord();
        if (word == "EMPTY") return true;
        if (word == "(") return false;
        throw new WktException("Expected 'EMPTY' or '(' but encountered '" + word + "'");
    }

    /// <summary>True for <c>,</c>, false for <c>)</c>.</summary>
    private bool CommaOrCloser()
    {
        string word = NextWord();
        if (word == ",") return true;
        if (word == ")") return false;
        throw new WktException("Expected ')' or ',' but encountered '" + word + "'");
    }

    private void WriteUInt32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        foreach (byte x in b) _out.Add(x);
    }

    private void WriteDouble(double v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, v);
        foreach (byte x in b) _out.Add(x);
    }

    private void WriteHeader(uint type)
    {
        _out.Add(1);
        WriteUInt32(type);
    }

    private void ReadGeometry()
    {
        string type = NextWord();
        switch (type)
        {
            case "POINT":
                WriteHeader(1);
                if (EmptyOrOpener())
                {
                    WriteDouble(double.NaN);
                    WriteDouble(double.NaN);
                    return;
                }
                ReadCoordinate();
                if (CommaOrCloser()) throw new WktException("Expected ')' but encountered ','");
                return;
            case "LINESTRING":
                WriteHeader(2);
                ReadPointList();
                return;
            case "POLYGON":
                WriteHeader(3);
                ReadRings();
                return;
            case "MULTIPOINT":
                WriteHeader(4);
                ReadMulti(() =>
                {
                    bool paren = Peek().Kind == TokenKind.LParen;
                    if (paren) NextToken();
                    WriteHeader(1);
                    ReadCoordinate();
                    if (paren && CommaOrCloser()) throw new WktException("Expected ')' but encountered ','");
                });
                return;
            case "MULTILINESTRING":
                WriteHeader(5);
                ReadMulti(() =>
                {
                    WriteHeader(2);
                    ReadPointList();
                });
                return;
            case "MULTIPOLYGON":
                WriteHeader(6);
                ReadMulti(() =>
                {
                    WriteHeader(3);
                    ReadRings();
                });
                return;
            default:
                throw new WktException("Unknown type: '" + type + "'");
        }
    }

    private void ReadCoordinate()
    {
        WriteDouble(NextNumber());
        WriteDouble(NextNumber());
        if (Peek().Kind == TokenKind.Number) NextNumber(); // a Z value: dropped, TDengine writes 2-D
    }

    private int ReserveCount()
    {
        int at = _out.Count;
        WriteUInt32(0);
        return at;
    }

    private void PatchCount(int at, uint count)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, count);
        for (int i = 0; i < 4; i++) _out[at + i] = b[i];
    }

    private void ReadPointList() => ReadMulti(ReadCoordinate);

    private void ReadRings() => ReadMulti(ReadPointList);

    /// <summary><c>EMPTY</c> or <c>(item, …)</c>, written as WKB's item count followed by the items.</summary>
    private void ReadMulti(Action readOne)
    {
        int at = ReserveCount();
        if (EmptyOrOpener()) return;
        uint n = 0;
        do
        {
            readOne();
            n++;
        }
        while (CommaOrCloser());
        PatchCount(at, n);
    }
}
