namespace Taos;

internal static class ParameterNameComparer
{
    /// <summary>A parameter's name without the <c>@</c>, <c>:</c> or <c>$</c> prefix.</summary>
    public static string Normalize(string name) =>
        name.Length > 0 && (name[0] == '@' || name[0] == ':' || name[0] == '$') ? name[1..] : name;
}
