using System.Buffers;
using Taos.Protocol.RawBlock;
using Taos.Protocol.Rest;
using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Write;
using Taos.Server.Sql;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// The stmt actions of <c>/ws</c> around binding (section 3.4 of the WebSocket spec): <c>init</c>, <c>prepare</c>,
/// <c>set_table_name</c>, <c>get_tag_fields</c>, <c>get_col_fields</c>, <c>stmt_num_params</c>,
/// <c>stmt_get_param</c>, <c>add_batch</c>, <c>exec</c>, <c>use_result</c> and <c>close</c> (never answered).
/// Binding itself is <see cref="WsStmtBinds"/>.
/// </summary>
internal sealed class WsStmtActions(SqlEngine engine)
{
    /// <summary><c>init</c>: a new statement under the connection's next stmt id.</summary>
    public static WsAnswer Init(WsCall call)
    {
        var stmtCall = StmtCall.Of(call);
        var stmt = call.Connection.Stmts.Init();
        return stmt is null
            ? stmtCall.Error(ServerErrorCode.AdapterError, $"too many open statements (at most {WsStmtRegistry.MaxOpen} per connection)", 0)
            : WsAnswer.Text(stmtCall.Ok(stmt.Id));
    }

    /// <summary><c>prepare</c>: parses the SQL; an INSERT becomes a template of placeholders, anything else a query.</summary>
    public static WsAnswer Prepare(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (!call.Request.TryGetString("sql", out string sql))
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, "unmarshal prepare request error", stmt.Id);
        }
        bool isInsert;
        try
        {
            var statement = SqlParser.Parse(sql);
            isInsert = statement is InsertStatement;
            if (statement is InsertStatement insert)
            {
                stmt.Prepare(InsertTemplate.From(insert));
            }
            else
            {
                stmt.Prepare(PlaceholderSql.Find(sql));
            }
        }
        catch (TaosServerException ex)
        {
            return stmtCall.Error(ex.Code, ex.Message, stmt.Id);
        }
        return WsAnswer.Text(stmtCall.Ok(stmt.Id).Field("is_insert").Bool(isInsert));
    }

    /// <summary><c>set_table_name</c>: names (and resolves) the table an <c>insert into ? …</c> writes next.</summary>
    public WsAnswer SetTableName(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (!call.Request.TryGetString("name", out string name))
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, "unmarshal set_table_name request error", stmt.Id);
        }
        if (stmt.Insert is not { TableIsParameter: true } insert || name.Length == 0)
        {
            return stmtCall.Error(ServerErrorCode.StmtApiUsageError, StmtLookup.UsageError, stmt.Id);
        }
        return Run(stmtCall, stmt, () =>
        {
            stmt.UseTable(BoundTarget.Resolve(engine.Catalog, insert, WsStmt.ParseTableName(name), call.Connection.Session!));
            return stmtCall.Ok(stmt.Id);
        });
    }

    /// <summary><c>get_tag_fields</c>: the tags the placeholders of TAGS bind (no <c>fields</c> without tags).</summary>
    public WsAnswer GetTagFields(WsCall call) => Fields(call, tags: true);

    /// <summary><c>get_col_fields</c>: the columns the placeholders of VALUES bind.</summary>
    public WsAnswer GetColFields(WsCall call) => Fields(call, tags: false);

    private WsAnswer Fields(WsCall call, bool tags)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        return Run(stmtCall, stmt, () =>
        {
            var target = stmt.RequireTable(engine.Catalog, call.Connection.Session!).Target;
            var fields = (tags ? target.BoundTags : target.BoundColumns).ToList();
            var reply = stmtCall.Ok(stmt.Id);
            return tags && fields.Count == 0 ? reply : reply.Field("fields").Json(FieldsJson(fields, target.Database.Precision));
        });
    }

    /// <summary>taosAdapter's <c>fields</c>: name, <c>field_type</c>, <c>precision</c> (the ts's), <c>scale</c> 0, block <c>bytes</c>.</summary>
    private static ReadOnlySpan<byte> FieldsJson(IReadOnlyList<ColumnInfo> fields, TaosPrecision precision)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * (fields.Count + 1));
        var json = new RestJsonWriter(buffer);
        json.WriteByte((byte)'[');
        for (int i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            json.WriteRaw(i == 0 ? "{\"name\":"u8 : ",{\"name\":"u8);
            json.WriteGoString(field.Name);
            json.WriteRaw(",\"field_type\":"u8);
            json.WriteInt64((long)field.Type);
            json.WriteRaw(",\"precision\":"u8);
            json.WriteInt64(field.Type == TaosDataType.Timestamp ? (long)precision : 0);
            json.WriteRaw(",\"scale\":0,\"bytes\":"u8);
            json.WriteInt64(RawBlockColumn.FromDeclared(field.Type, field.Length).Bytes);
            json.WriteByte((byte)'}');
        }
        json.WriteByte((byte)']');
        return buffer.WrittenSpan;
    }

    /// <summary><c>stmt_num_params</c>: the placeholders of a query, the VALUES placeholders of an INSERT.</summary>
    public static WsAnswer NumParams(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        int? count = stmt.Insert?.ColumnParameters ?? stmt.Query?.Count;
        return count is { } n
            ? WsAnswer.Text(stmtCall.Ok(stmt.Id).Field("num_params").Int64(n))
            : stmtCall.Error(ServerErrorCode.StmtApiUsageError, StmtLookup.UsageError, stmt.Id);
    }

    /// <summary><c>stmt_get_param</c>: type and block length of an INSERT's VALUES placeholder <c>index</c>.</summary>
    public WsAnswer GetParam(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (!call.Request.TryGetUInt64("index", out ulong index))
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, "unmarshal stmt_get_param request error", stmt.Id);
        }
        return Run(stmtCall, stmt, () =>
        {
            var columns = stmt.RequireTable(engine.Catalog, call.Connection.Session!).Target.BoundColumns.ToList();
            if (index >= (ulong)columns.Count)
            {
                throw new TaosServerException(ServerErrorCode.AdapterError, $"index {index} out of range [0, {columns.Count})");
            }
            var column = columns[(int)index];
            return stmtCall.Ok(stmt.Id).Field("index").UInt64(index).Field("data_type").Int64((long)column.Type)
                .Field("length").Int64(RawBlockColumn.FromDeclared(column.Type, column.Length).Bytes);
        });
    }

    /// <summary><c>add_batch</c>: bound rows stay pending until <c>exec</c>; answers for any prepared statement.</summary>
    public static WsAnswer AddBatch(WsCall call) =>
        StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error) ? WsAnswer.Text(stmtCall.Ok(stmt.Id)) : error;

    /// <summary>
    /// <c>exec</c>: an INSERT writes every pending row through the INSERT write path (<c>affected</c> = rows
    /// written); a query runs with its bound values (554 when they were never bound) and keeps its result.
    /// </summary>
    public WsAnswer Exec(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        return Run(stmtCall, stmt, () =>
        {
            int affected;
            if (stmt.Insert is not null)
            {
                affected = engine.BoundWriter.Write(stmt.TakePending());
            }
            else if (stmt.Query is { } query && (stmt.QueryValues is not null || query.Count == 0))
            {
                var result = engine.Execute(query.Bind(stmt.QueryValues ?? []), call.Connection.Session!);
                affected = result is AffectedRowsResult rows ? rows.AffectedRows : 0;
                if (result is RowSetResult rowSet)
                {
                    stmt.SetResult(rowSet);
                }
            }
            else
            {
                throw new TaosServerException(ServerErrorCode.StmtApiUsageError, StmtLookup.UsageError);
            }
            return stmtCall.Ok(stmt.Id).Field("affected").Int64(affected);
        });
    }

    /// <summary>
    /// <c>use_result</c>: opens the result of the last <c>exec</c> under the connection's next result id (shared
    /// with queries); without one, an empty result with no fields, as 3.3.0.1 answers.
    /// </summary>
    public static WsAnswer UseResult(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (call.Connection.OpenResults >= WsQueryActions.MaxOpenResults)
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, $"too many open results (at most {WsQueryActions.MaxOpenResults} per connection)", stmt.Id);
        }
        var rowSet = stmt.TakeResult() ?? new RowSetResult([], [], TaosPrecision.Milliseconds);
        var open = call.Connection.Open(rowSet);
        var columns = rowSet.Columns;
        return WsAnswer.Text(stmtCall.Ok(stmt.Id).Field("result_id").UInt64(open.Id).Field("fields_count").Int64(columns.Count)
            .Field("fields_names").Strings(columns.Select(c => c.Name))
            .Field("fields_types").Numbers(columns.Select(c => (long)c.Type))
            .Field("fields_lengths").Numbers(columns.Select(c => (long)c.Length))
            .Field("precision").Int64((long)rowSet.Precision));
    }

    /// <summary><c>close</c>: releases the statement; never answers.</summary>
    public static WsAnswer? Close(WsCall call)
    {
        if (call.Request.TryGetUInt64("stmt_id", out ulong id))
        {
            call.Connection.Stmts.Close(id);
        }
        return null;
    }

    /// <summary>Runs <paramref name="action"/>; its <see cref="TaosServerException"/> is the error reply, with <c>stmt_id</c>.</summary>
    internal static WsAnswer Run(StmtCall call, WsStmt stmt, Func<WsReply> action)
    {
        try
        {
            return WsAnswer.Text(action());
        }
        catch (TaosServerException ex)
        {
            return call.Error(ex.Code, ex.Message, stmt.Id);
        }
    }
}
