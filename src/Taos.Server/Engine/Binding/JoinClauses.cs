using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Binding;

/// <summary>
/// A join's type words, WINDOW_OFFSET and JLIMIT checked as TDengine 3.3 checks them [src parTranslater.c
/// translateJoinTable]: its refusals are TSDB_CODE_TSC_INVALID_OPERATION (512) with TDengine's words.
/// </summary>
internal static class JoinClauses
{
    private const int InvalidOperation = 512;

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "inner", "left", "right", "full" };

    /// <summary>The join's kind and its driving side (<c>left</c>, <c>right</c>, or <c>full</c>), after the checks.</summary>
    public static (JoinKind Kind, string Driving) Check(JoinSource join)
    {
        var words = join.JoinType.Split(' ');
        string type = Types.Contains(words[0]) ? words[0] : "inner";
        string? subtype = Types.Contains(words[0]) ? words.ElementAtOrDefault(1) : words[0];
        if ((type == "inner" && subtype is not null) || (type == "full" && subtype is not (null or "outer")))
        {
            throw new TaosServerException(InvalidOperation, "not supported join type");
        }
        var kind = subtype switch
        {
            "semi" => JoinKind.Semi,
            "anti" => JoinKind.Anti,
            "asof" => JoinKind.Asof,
            "window" => JoinKind.Window,
            _ => type == "inner" ? JoinKind.Inner : JoinKind.Outer,
        };
        if (join.WindowOffset is not null && kind != JoinKind.Window)
        {
            throw new TaosServerException(InvalidOperation, "WINDOW_OFFSET only supported for WINDOW join");
        }
        if (join.WindowOffset is null && kind == JoinKind.Window)
        {
            throw new TaosServerException(InvalidOperation, "WINDOW_OFFSET required for WINDOW join");
        }
        if (join.JLimit is { } jlimit)
        {
            if (kind is not (JoinKind.Asof or JoinKind.Window))
            {
                string name = kind == JoinKind.Inner ? "INNER" : type.ToUpperInvariant() + " " + (subtype ?? "outer").ToUpperInvariant();
                throw new TaosServerException(InvalidOperation, $"JLIMIT not supported for {name} join");
            }
            if (jlimit is < 0 or > 1024) throw new TaosServerException(InvalidOperation, "JLIMIT value is out of valid range [0, 1024]");
        }
        return (kind, type == "inner" ? "left" : type);
    }
}
