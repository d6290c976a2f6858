using System.Runtime.InteropServices;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Direct calls into the bundled SQLite library (the <c>e_sqlite3</c> that SQLitePCLRaw loads) for the per-value
/// work of <see cref="RowWriter"/>, as <see cref="NativeColumns"/> does for scans: the provider's calls add-ref and
/// release the statement's SafeHandle and switch GC mode on every value, which costs more than the bind itself.
/// These take the raw statement pointer (the caller keeps it alive, see <see cref="NativeColumns.Acquire"/>) and skip
/// the GC transition: a bind neither blocks nor calls back. Text and blobs are copied by SQLite (SQLITE_TRANSIENT).
/// </summary>
internal static class NativeBinds
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLite's SQLITE_TRANSIENT destructor: SQLite copies the bytes before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    /// <summary>A byte to point at for empty text: a NULL pointer would bind SQL NULL.</summary>
    private static readonly byte[] Empty = [0];

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
    public static extern int Int64(IntPtr statement, int index, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
    public static extern int Double(IntPtr statement, int index, double value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
    public static extern int Null(IntPtr statement, int index);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
    private static extern int Text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_blob"), SuppressGCTransition]
    private static extern int Blob(IntPtr statement, int index, ref byte blob, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_zeroblob"), SuppressGCTransition]
    private static extern int ZeroBlob(IntPtr statement, int index, int length);

    /// <summary>Binds UTF-8 <paramref name="utf8"/> as TEXT (the empty span as the empty text, not NULL).</summary>
    public static int Text(IntPtr statement, int index, ReadOnlySpan<byte> utf8)
    {
        // A byref argument is pinned for the call.
        return utf8.IsEmpty
            ? Text(statement, index, ref Empty[0], 0, Transient)
            : Text(statement, index, ref MemoryMarshal.GetReference(utf8), utf8.Length, Transient);
    }

    /// <summary>Binds <paramref name="bytes"/> as a BLOB (no bytes as the empty BLOB, not NULL).</summary>
    public static int Blob(IntPtr statement, int index, ReadOnlySpan<byte> bytes)
    {
        return bytes.IsEmpty
            ? ZeroBlob(statement, index, 0)
            : Blob(statement, index, ref MemoryMarshal.GetReference(bytes), bytes.Length, Transient);
    }
}
