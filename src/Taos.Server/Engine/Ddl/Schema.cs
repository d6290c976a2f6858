using Taos.Protocol;
using System.Text;
using Taos.Server.Engine.Catalog;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>The schema checks of CREATE STABLE/TABLE, in TDengine's order (tags first, then columns).</summary>
internal static class Schema
{
    private const int MaxTags = 128;
    private const int MaxColumns = 4096;
    private const int MaxRowBytes = 65531;
    private const int MaxTagBytes = 16384;
    private const int MaxNameBytes = 64;

    public static (List<ColumnInfo> Columns, List<ColumnInfo> Tags) Check(
        IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnDefinition> tags, bool isSuper)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tagInfos = new List<ColumnInfo>();
        if (isSuper)
        {
            if (tags.Count is 0 or > MaxTags) throw Error(ServerErrorCode.InvalidTagCount, "Invalid number of tag columns");
            int tagBytes = 0;
            foreach (var tag in tags)
            {
                CheckName(tag.Name);
                if (!names.Add(tag.Name)) throw Error(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
                if (tag.Type.Type == TaosDataType.Json && tags.Count > 1)
                    throw Error(ServerErrorCode.OnlyOneJsonTag, "Only one tag if there is a json tag");
                CheckLength(tag.Type, isTag: true);
                tagBytes += Bytes(tag.Type);
                tagInfos.Add(Info(tag));
            }
            if (tagBytes > MaxTagBytes) throw Error(ServerErrorCode.TagsTooLong, "Tags length exceeds max length " + MaxTagBytes);
        }
        if (columns.Count < 2) throw Error(ServerErrorCode.IllegalNumberOfColumns, "Illegal number of columns");
        if (columns.Count + tags.Count > MaxColumns) throw Error(ServerErrorCode.TooManyColumns, "Too many columns");
        var columnInfos = new List<ColumnInfo>();
        int rowBytes = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            CheckName(column.Name);
            if (i == 0 && column.Type.Type != TaosDataType.Timestamp)
                throw Error(ServerErrorCode.FirstColumnMustBeTimestamp, "First column must be timestamp");
            if (column.Type.Type == TaosDataType.Json) throw Error(ServerErrorCode.OnlyTagCanBeJson, "Only tag can be json type");
            if (!names.Add(column.Name)) throw Error(ServerErrorCode.DuplicatedColumnNames, "Duplicated column names");
            CheckLength(column.Type, isTag: false);
            rowBytes += Bytes(column.Type);
            columnInfos.Add(Info(column));
        }
        if (rowBytes > MaxRowBytes) throw Error(ServerErrorCode.RowTooLong, "Row length exceeds max length " + MaxRowBytes);
        return (columnInfos, tagInfos);
    }

    internal static void CheckName(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            throw Error(ServerErrorCode.InvalidIdentifierName, "Invalid identifier name: " + name);
    }

    internal static ColumnInfo Info(ColumnDefinition d) =>
        new(d.Name, d.Type.Type, d.Type.Type == TaosDataType.Json ? 4095 : TaosTypes.IsVariableLength(d.Type.Type) ? d.Type.Length : TaosTypes.FixedSize(d.Type.Type) ?? d.Type.Length)
        {
            Encode = d.Encode,
            Compress = d.Compress,
            Level = d.Level,
        };

    internal static void CheckLength(TypeSpec type, bool isTag)
    {
        if (!TaosTypes.IsVariableLength(type.Type)) return;
        int max = type.Type == TaosDataType.NChar ? (isTag ? 4095 : 16379) : (isTag ? 16382 : 65517);
        if (type.Length < 1 || type.Length > max)
            throw Error(ServerErrorCode.InvalidVarLength, "Invalid column length for var length type");
    }

    private static int Bytes(TypeSpec type) => type.Type switch
    {
        TaosDataType.NChar => type.Length * 4 + 2,
        TaosDataType.Json => MaxTagBytes,
        _ when TaosTypes.IsVariableLength(type.Type) => type.Length + 2,
        _ => TaosTypes.FixedSize(type.Type) ?? 8,
    };

    private static TaosServerException Error(int code, string message) => new(code, message);
}
