namespace Taos.Server.Engine.Udf;

/// <summary>
/// Reads the library file CREATE FUNCTION names. TDengine's client reads it (parTranslater.c <c>readFromFile</c>) and
/// ships its bytes to the mnode; over REST and WebSocket that client is taosAdapter on the server's host, so the path
/// is a path on the host the embedded server runs on (relative paths from its working directory). The errors are the
/// client's: a path it cannot stat or open is TAOS_SYSTEM_ERROR(errno) with strerror's text, an empty file 538, a
/// file it cannot read whole (a directory) 272.
/// </summary>
internal static class UdfLibraryFile
{
    /// <summary>
    /// TSDB_FUNC_CODE_LEN (10 MiB): TDengine's declared limit of a function's code. A larger file is refused with 882
    /// rather than loaded into memory and the catalog.
    /// </summary>
    public const int MaxCodeBytes = 10 * 1024 * 1024;

    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Enametoolong = 36;

    /// <summary>The bytes of the file at <paramref name="path"/>, or TDengine's error.</summary>
    public static byte[] Read(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw UdfErrors.AppError();
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw UdfErrors.System(Enoent, "No such file or directory");
            }
            if (info.Length == 0)
            {
                throw UdfErrors.FileEmpty();
            }
            if (info.Length > MaxCodeBytes)
            {
                throw UdfErrors.InvalidCode();
            }
            return File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw UdfErrors.System(Eacces, "Permission denied");
        }
        catch (PathTooLongException)
        {
            throw UdfErrors.System(Enametoolong, "File name too long");
        }
        catch (IOException)
        {
            throw UdfErrors.AppError();
        }
    }
}
