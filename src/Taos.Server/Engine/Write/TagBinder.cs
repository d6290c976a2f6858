using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Write;

/// <summary>Binds the tag values of <c>USING s [(tags)] TAGS (…)</c> to a super table's tags; unnamed tags are NULL.</summary>
internal static class TagBinder
{
    /// <param name="fromInsert">INSERT … USING (TDengine's insert parser: too few values is a 534 quoting the <c>)</c>);
    /// CREATE TABLE goes through the SQL translator, which answers 9741 for any count mismatch.</param>
    public static object?[] Bind(ValueCoercer coercer, TableInfo super, IReadOnlyList<string>? tagNames, ValueList values, bool fromInsert = true)
    {
        var targets = new List<int>();
        if (tagNames is null)
        {
            for (int i = 0; i < super.Tags.Count; i++) targets.Add(i);
        }
        else
        {
            foreach (var name in tagNames)
            {
                int index = IndexOf(super.Tags, name);
                if (index < 0) throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + name);
                targets.Add(index);
            }
        }
        if (!fromInsert && values.Values.Count != targets.Count)
            throw new TaosServerException(ServerErrorCode.TagsNumberMismatch, "Tags number not matched");
        var result = new object?[super.Tags.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            if (i >= values.Values.Count)
                throw coercer.SyntaxErrorAt(values.CloseParenPosition, "invalid data or symbol");
            var tag = super.Tags[targets[i]];
            result[targets[i]] = coercer.Coerce(values.Values[i], tag, primaryKey: false);
        }
        if (values.Values.Count > targets.Count)
            throw new TaosServerException(ServerErrorCode.TagsNumberMismatch, "Tags number not matched");
        return result;
    }

    public static int IndexOf(IReadOnlyList<ColumnInfo> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
