using System.Runtime.InteropServices;
using SQLitePCL;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// Direct calls into the bundled SQLite library (the <c>e_sqlite3</c> that SQLitePCLRaw loads) for the per-value
/// work of a batch scan. The provider's calls go through a SafeHandle (add-ref and release on every call), which
/// costs more than reading the value itself; these take the raw statement pointer, and the column getters, which
/// neither block nor call back, skip the GC transition. The caller keeps the statement alive while stepping.
/// </summary>
internal static class NativeColumns
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    public static extern int Type(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    public static extern long Int64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    public static extern double Double(IntPtr statement, int column);

    /// <summary>The UTF-8 text of a TEXT column (valid until the next step; call <see cref="Bytes"/> after it for its length).</summary>
    [DllImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    public static extern IntPtr Text(IntPtr statement, int column);

    /// <summary>The bytes of a BLOB column (valid until the next step; call <see cref="Bytes"/> after it for its length).</summary>
    [DllImport(Library, EntryPoint = "sqlite3_column_blob"), SuppressGCTransition]
    public static extern IntPtr Blob(IntPtr statement, int column);

    /// <summary>The length in bytes of the text or blob <see cref="Text"/> or <see cref="Blob"/> returned.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    public static extern int Bytes(IntPtr statement, int column);

    /// <summary>The raw pointer of <paramref name="statement"/>, add-ref'ed until <see cref="Release"/>.</summary>
    public static IntPtr Acquire(sqlite3_stmt statement)
    {
        bool added = false;
        statement.DangerousAddRef(ref added);
        return statement.DangerousGetHandle();
    }

    public static void Release(sqlite3_stmt statement) => statement.DangerousRelease();
}
