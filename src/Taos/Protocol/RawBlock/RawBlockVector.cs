namespace Taos.Protocol.RawBlock;

/// <summary>
/// One column's values for <see cref="RawBlockWriter"/> as typed arrays instead of boxed rows: row <c>r</c> is NULL
/// where <see cref="Nulls"/>[r] is true, else its value sits in the array its column type uses —
/// <see cref="Longs"/> for BOOL (0/1), the signed and unsigned integers (unsigned ones as their bits) and TIMESTAMP;
/// <see cref="Doubles"/> for FLOAT (widened exactly) and DOUBLE; <see cref="Objects"/> for VARCHAR/NCHAR/JSON
/// (<see cref="string"/>) and VARBINARY/GEOMETRY (<see cref="byte"/>[]). The arrays a column type does not use may be
/// empty; the ones it uses hold at least the block's row count.
/// </summary>
/// <param name="Nulls">True where the value is NULL.</param>
/// <param name="Longs">The integer, BOOL and TIMESTAMP values.</param>
/// <param name="Doubles">The FLOAT and DOUBLE values.</param>
/// <param name="Objects">The string and binary values.</param>
internal readonly record struct RawBlockVector(bool[] Nulls, long[] Longs, double[] Doubles, object?[] Objects);
