using System.Globalization;
using Taos.Protocol;

namespace Taos.Server.Engine.Udf;

/// <summary>
/// A user-defined function as TDengine's mnode keeps it (SFuncObj): the name, whether it aggregates, the language
/// (C or Python), the output type with TDengine's output length (the declared width plus the 2-byte length header;
/// NCHAR 4 bytes a character), the intermediate buffer size, the library file's bytes as the client read them, the
/// creation time in ms (kept by OR REPLACE) and the version (0, one more with every OR REPLACE).
/// </summary>
internal sealed record UserFunction(string Name, bool Aggregate, bool Python, TaosDataType OutputType, int OutputLength, int BufSize,
    byte[] Code, long CreateTime, int Version)
{
    /// <summary>ins_functions.output_type (mnodeGenTypeStr): the type name, with the declared width for variable-length types.</summary>
    public string OutputTypeText
    {
        get
        {
            if (!TaosTypes.IsVariableLength(OutputType))
            {
                return TaosTypes.Name(OutputType);
            }
            int bytes = OutputLength - 2;
            int width = OutputType == TaosDataType.NChar ? bytes / 4 : bytes;
            return TaosTypes.Name(OutputType) + "(" + width.ToString(CultureInfo.InvariantCulture) + ")";
        }
    }

    /// <summary>ins_functions.func_language.</summary>
    public string LanguageText => Python ? "Python" : "C";
}
