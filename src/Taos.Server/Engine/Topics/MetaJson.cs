using Taos.Protocol;
using Taos.Server.Engine.Ddl;

namespace Taos.Server.Engine.Topics;

/// <summary>
/// TDengine 3.3.0.1's JSON meta (<c>tmq_get_json_meta</c>, what <c>fetch_json_meta</c> answers) of a message's
/// table metadata, key for key as source/client/src/clientRawBlockWrite.c builds it: <c>buildCreateTableJson</c>
/// (super and normal tables), <c>buildAlterSTableJson</c>, <c>buildCreateCTableJson</c>/<c>buildChildElement</c>
/// (child tables, also of a data message's auto-created tables), <c>processAlterTable</c>,
/// <c>processDropSTable</c>, <c>processDropTable</c> and <c>processDeleteTable</c>.
/// </summary>
internal static class MetaJson
{
    /// <summary>TSDB_ALTER_TABLE_ADD_TAG … UPDATE_COLUMN_NAME, as taosdef.h numbers them.</summary>
    public const int AddTag = 1, DropTag = 2, UpdateTagName = 3, UpdateTagValue = 4, AddColumn = 5, DropColumn = 6,
        UpdateColumnBytes = 7, UpdateTagBytes = 8, UpdateColumnName = 10;

    /// <summary>The JSON meta of <paramref name="batch"/>.</summary>
    public static string Write(MetaBatch batch)
    {
        var json = new CJsonWriter();
        var e = batch.First;
        switch (batch.Kind)
        {
            case MetaKind.CreateStable:
                CreateTable(json, e, "super");
                break;
            case MetaKind.CreateTable when e.Normal:
                CreateTable(json, e, "normal");
                break;
            case MetaKind.CreateTable:
                CreateChildTables(json, batch.Events);
                break;
            case MetaKind.AlterStable:
                AlterStable(json, e);
                break;
            case MetaKind.AlterTable:
                AlterTable(json, e);
                break;
            case MetaKind.DropStable:
                json.Open().Field("type", "drop").Field("tableType", "super").Field("tableName", e.Table).Close();
                break;
            case MetaKind.DropTable:
                json.Open().Field("type", "drop").Key("tableNameList").OpenArray();
                foreach (var dropped in batch.Events) json.String(dropped.Table);
                json.CloseArray().Close();
                break;
            default:
                json.Open().Field("type", "delete").Field("sql", DeleteSql(e)).Close();
                break;
        }
        return json.ToString();
    }

    /// <summary>The JSON meta of the child tables a data message's rows created (<c>processAutoCreateTable</c>).</summary>
    public static string WriteAutoCreated(IReadOnlyList<MetaEvent> created)
    {
        var json = new CJsonWriter();
        CreateChildTables(json, created);
        return json.ToString();
    }

    /// <summary>The statement TDengine's <c>processDeleteTable</c> and <c>taosDeleteData</c> build from a delete.</summary>
    public static string DeleteSql(MetaEvent e) =>
        $"delete from `{e.Table}` where `{e.TimestampColumn}` >= {e.StartKey} and `{e.TimestampColumn}` <= {e.EndKey}";

    private static void CreateTable(CJsonWriter json, MetaEvent e, string tableType)
    {
        json.Open().Field("type", "create").Field("tableType", tableType).Field("tableName", e.Table).Key("columns").OpenArray();
        foreach (var c in e.Columns)
        {
            json.Open().Field("name", c.Name).Field("type", (int)c.Type);
            Length(json, "length", c);
            json.Key("isPrimarykey").Bool(false)
                .Field("encode", c.Encode ?? DescribeCommand.DefaultEncode(c.Type))
                .Field("compress", c.Compress ?? "lz4")
                .Field("level", c.Level ?? "medium").Close();
        }
        json.CloseArray().Key("tags").OpenArray();
        foreach (var t in e.Tags)
        {
            json.Open().Field("name", t.Name).Field("type", (int)t.Type);
            Length(json, "length", t);
            json.Close();
        }
        json.CloseArray().Close();
    }

    private static void CreateChildTables(CJsonWriter json, IReadOnlyList<MetaEvent> events)
    {
        json.Open().Field("type", "create").Field("tableType", "child");
        ChildElement(json, events[0]);
        json.Key("createList").OpenArray();
        for (int i = 0; events.Count > 1 && i < events.Count; i++)
        {
            json.Open();
            ChildElement(json, events[i]);
            json.Close();
        }
        json.CloseArray().Close();
    }

    private static void ChildElement(CJsonWriter json, MetaEvent e)
    {
        json.Field("tableName", e.Table).Field("using", e.SuperTable ?? "").Field("tagNum", e.Tags.Count).Key("tags").OpenArray();
        for (int i = 0; i < e.Tags.Count; i++)
        {
            if (i >= e.TagValues.Count || e.TagValues[i] is not { } text) continue;
            var tag = e.Tags[i];
            json.Open().Field("name", tag.Name).Field("type", (int)tag.Type).Key("value");
            if (tag.Type == TaosDataType.Json) json.String(text);
            else if (TaosTypes.IsVariableLength(tag.Type)) json.String(MetaValueText.Converted(text, tag.Type));
            else json.Number(MetaValueText.AsDouble(text, tag.Type));
            json.Close();
        }
        json.CloseArray();
    }

    private static void AlterStable(CJsonWriter json, MetaEvent e)
    {
        json.Open().Field("type", "alter").Field("tableType", "super").Field("tableName", e.Table).Field("alterType", e.AlterType);
        switch (e.AlterType)
        {
            case AddTag or AddColumn or UpdateTagBytes or UpdateColumnBytes:
                json.Field("colName", e.ColumnName!).Field("colType", (int)e.Column!.Type);
                Length(json, "colLength", e.Column);
                break;
            case DropTag or DropColumn:
                json.Field("colName", e.ColumnName!);
                break;
            case UpdateTagName or UpdateColumnName:
                json.Field("colName", e.ColumnName!).Field("colNewName", e.NewName!);
                break;
        }
        json.Close();
    }

    private static void AlterTable(CJsonWriter json, MetaEvent e)
    {
        json.Open().Field("type", "alter").Field("tableType", e.AlterType == UpdateTagValue ? "child" : "normal")
            .Field("tableName", e.Table).Field("alterType", e.AlterType);
        switch (e.AlterType)
        {
            case AddColumn or UpdateColumnBytes:
                json.Field("colName", e.ColumnName!).Field("colType", (int)e.Column!.Type);
                Length(json, "colLength", e.Column);
                break;
            case DropColumn:
                json.Field("colName", e.ColumnName!);
                break;
            case UpdateColumnName:
                json.Field("colName", e.ColumnName!).Field("colNewName", e.NewName!);
                break;
            case UpdateTagValue:
                json.Field("colName", e.ColumnName!);
                if (e.TagValue is { } value)
                    json.Field("colValue", e.Column!.Type == TaosDataType.Json ? value : MetaValueText.Converted(value, e.Column.Type));
                json.Key("colValueNull").Bool(e.TagValue is null);
                break;
        }
        json.Close();
    }

    /// <summary>The declared length of VARCHAR, VARBINARY, GEOMETRY and NCHAR (none for other types).</summary>
    private static void Length(CJsonWriter json, string key, MetaColumn c)
    {
        if (TaosTypes.IsVariableLength(c.Type)) json.Field(key, c.Length);
    }
}
