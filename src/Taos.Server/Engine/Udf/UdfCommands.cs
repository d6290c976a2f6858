using Taos.Protocol;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Udf;

/// <summary>
/// CREATE FUNCTION and DROP FUNCTION, checked in TDengine 3.3.0.1's order: the translator (built-in names 9805,
/// output type and BUFSIZE 9728, the library file), then the mnode (existence 883/884, code 882, BUFSIZE range 885).
/// The function is stored with its library's bytes, durable like the rest of the catalog; SHOW FUNCTIONS and
/// information_schema.ins_functions list it.
/// </summary>
internal sealed class UdfCommands(IStore store)
{
    /// <summary>TSDB_FUNC_BUF_SIZE: the largest BUFSIZE.</summary>
    private const int MaxBufSize = 4096 * 64;

    public AffectedRowsResult Create(CreateFunctionStatement s)
    {
        if (BuiltinFunctionNames.Contains(s.Name))
        {
            throw UdfErrors.InvalidFunctionName();
        }
        if (s.OutputType.Type is TaosDataType.Json or TaosDataType.VarBinary or TaosDataType.Decimal)
        {
            throw UdfErrors.Syntax("Unsupported output type for UDF");
        }
        if (!s.Aggregate && s.BufSize > 0)
        {
            throw UdfErrors.Syntax("BUFSIZE can only be used with UDAF");
        }
        byte[] code = UdfLibraryFile.Read(s.LibraryPath);
        var existing = store.Functions().FirstOrDefault(f => f.Name == s.Name);
        if (existing is not null && (s.IfNotExists || !s.OrReplace))
        {
            return s.IfNotExists ? new AffectedRowsResult(0) : throw UdfErrors.AlreadyExists();
        }
        if (code.Length <= 1)
        {
            throw UdfErrors.InvalidCode();
        }
        if (s.BufSize is < 0 or > MaxBufSize)
        {
            throw UdfErrors.InvalidBufSize();
        }
        var function = new UserFunction(s.Name, s.Aggregate, s.Python, s.OutputType.Type, OutputLength(s.OutputType), s.BufSize, code,
            existing?.CreateTime ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), existing is null ? 0 : existing.Version + 1);
        store.Write(w =>
        {
            w.SaveFunction(function);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    public AffectedRowsResult Drop(DropFunctionStatement s)
    {
        if (!store.Functions().Any(f => f.Name == s.Name))
        {
            return s.IfExists ? new AffectedRowsResult(0) : throw UdfErrors.NotExist();
        }
        store.Write(w =>
        {
            w.DropFunction(s.Name);
            return 0;
        });
        return new AffectedRowsResult(0);
    }

    /// <summary>calcTypeBytes: a variable-length type's declared width plus its 2-byte header (NCHAR 4 bytes a character).</summary>
    private static int OutputLength(TypeSpec type) => type.Type switch
    {
        TaosDataType.NChar => type.Length * 4 + 2,
        _ when TaosTypes.IsVariableLength(type.Type) => type.Length + 2,
        _ => TaosTypes.FixedSize(type.Type) ?? type.Length,
    };
}
