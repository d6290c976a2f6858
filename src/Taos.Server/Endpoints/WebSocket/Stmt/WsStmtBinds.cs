using System.Text.Json;
using Taos.Server.Engine;
using Taos.Server.Engine.Write;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// Binding values to a statement: <c>set_tags</c> and <c>bind</c> in their JSON form (section 3.4 of the WebSocket
/// spec; INSERT only — a query answers 554) and as binary messages 1 and 2 carrying a client-built raw block (3.5;
/// an INSERT reads the block with its field types, a query with the block's own). Every value is checked as an
/// INSERT checks it (<see cref="BoundValues"/>; a binary block in the same pass that decodes it, see
/// <see cref="StmtBlockRows"/>) before anything is kept; rows wait for <c>exec</c>, at most
/// <see cref="MaxPendingRows"/> per statement.
/// </summary>
internal sealed class WsStmtBinds(SqlEngine engine)
{
    /// <summary>Rows one statement may hold bound before <c>exec</c>.</summary>
    public const int MaxPendingRows = 1 << 20;

    /// <summary>JSON <c>set_tags</c>: <c>tags</c>, one JSON value per tag placeholder.</summary>
    public WsAnswer SetTags(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (!call.Request.TryGet("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, "unmarshal set_tags request error", stmt.Id);
        }
        return WsStmtActions.Run(stmtCall, stmt, () =>
        {
            var table = stmt.RequireTable(engine.Catalog, call.Connection.Session!);
            var target = table.Target;
            if (tags.GetArrayLength() != target.Tags.Count)
            {
                throw new TaosServerException(ServerErrorCode.AdapterError, "stmt tags count not match");
            }
            var values = tags.EnumerateArray().Select((v, i) => StmtJsonValues.ToValue(v, target.TagSchema[target.Tags[i]], target.Database.Precision));
            table.Tags = CheckTags(target, values.ToArray());
            return stmtCall.Ok(stmt.Id);
        });
    }

    /// <summary>JSON <c>bind</c>: <c>columns</c>, one array per VALUES placeholder, all of one length (the rows).</summary>
    public WsAnswer Bind(WsCall call)
    {
        if (!StmtLookup.TryFind(call, out var stmtCall, out var stmt, out var error))
        {
            return error;
        }
        if (!call.Request.TryGet("columns", out var columns) || columns.ValueKind != JsonValueKind.Array
            || columns.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Array))
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, "unmarshal bind request error", stmt.Id);
        }
        return WsStmtActions.Run(stmtCall, stmt, () =>
        {
            // 3.3.0.1 asks for the column fields, which only an INSERT has.
            var table = stmt.RequireTable(engine.Catalog, call.Connection.Session!);
            var target = table.Target;
            var arrays = columns.EnumerateArray().ToList();
            if (arrays.Count != target.Columns.Count)
            {
                throw new TaosServerException(ServerErrorCode.AdapterError, "stmt column count not match");
            }
            int rows = arrays.Count == 0 ? 0 : arrays[0].GetArrayLength();
            if (arrays.Any(a => a.GetArrayLength() != rows))
            {
                throw new TaosServerException(ServerErrorCode.AdapterError, "stmt column rows not match");
            }
            CheckRoom(stmt, rows);
            var bound = NewRows(target, rows);
            for (int i = 0; i < arrays.Count; i++)
            {
                var column = target.Schema[target.Columns[i]];
                int r = 0;
                foreach (var value in arrays[i].EnumerateArray())
                {
                    bound[r++][target.Columns[i]] = StmtJsonValues.ToValue(value, column, target.Database.Precision);
                }
            }
            Keep(stmt, target, bound);
            return stmtCall.Ok(stmt.Id);
        });
    }

    /// <summary>Binary message 1: the tags as a raw block of exactly one row and one column per tag placeholder.</summary>
    public WsAnswer SetTags(WsConnection connection, WsBinaryHeader header, ReadOnlySpan<byte> block)
    {
        var stmtCall = new StmtCall(connection, "set_tags", header.RequestId);
        if (!StmtLookup.TryFind(stmtCall, header.Id, out var stmt, out var error))
        {
            return error;
        }
        try
        {
            var table = stmt.RequireTable(engine.Catalog, connection.Session!);
            var target = table.Target;
            var (rows, cols, _) = StmtBlockReader.ReadHeader(block);
            if (rows != 1)
            {
                return stmtCall.Error(ServerErrorCode.AdapterError, "rows not equal 1", stmt.Id);
            }
            if (cols != target.Tags.Count)
            {
                return stmtCall.Error(ServerErrorCode.AdapterError, "stmt tags count not match", stmt.Id);
            }
            var data = StmtBlockReader.Read(block, target.BoundTags.Select(t => t.Type).ToList());
            table.Tags = CheckTags(target, data.Rows[0]);
            return WsAnswer.Text(stmtCall.Ok(stmt.Id));
        }
        catch (TaosServerException ex)
        {
            return stmtCall.Error(ex.Code, ex.Message, stmt.Id);
        }
        catch (FormatException ex)
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, ex.Message, stmt.Id);
        }
    }

    /// <summary>
    /// Binary message 2: the parameters as a raw block, one column per placeholder — rows for an INSERT (read with
    /// its field types), one row of values for a query (read with the block's types; TIMESTAMP and GEOMETRY refused
    /// as 3.3.0.1 does).
    /// </summary>
    public WsAnswer Bind(WsConnection connection, WsBinaryHeader header, ReadOnlySpan<byte> block)
    {
        var stmtCall = new StmtCall(connection, "bind", header.RequestId);
        if (!StmtLookup.TryFind(stmtCall, header.Id, out var stmt, out var error))
        {
            return error;
        }
        try
        {
            if (stmt.Query is { } query)
            {
                stmt.QueryValues = QueryValues(block, query.Count);
                return WsAnswer.Text(stmtCall.Ok(stmt.Id));
            }
            var table = stmt.RequireTable(engine.Catalog, connection.Session!);
            var target = table.Target;
            var (rows, cols, _) = StmtBlockReader.ReadHeader(block);
            if (cols != target.Columns.Count)
            {
                return stmtCall.Error(ServerErrorCode.AdapterError, "stmt column count not match", stmt.Id);
            }
            CheckRoom(stmt, rows);
            stmt.AddRows(StmtBlockRows.Read(block, target));
            return WsAnswer.Text(stmtCall.Ok(stmt.Id));
        }
        catch (TaosServerException ex)
        {
            return stmtCall.Error(ex.Code, ex.Message, stmt.Id);
        }
        catch (FormatException ex)
        {
            return stmtCall.Error(ServerErrorCode.AdapterError, ex.Message, stmt.Id);
        }
    }

    private static object?[] QueryValues(ReadOnlySpan<byte> block, int placeholders)
    {
        var (rows, cols, _) = StmtBlockReader.ReadHeader(block);
        if (cols != placeholders)
        {
            throw new TaosServerException(ServerErrorCode.AdapterError, "stmt column count not match");
        }
        if (rows < 1)
        {
            throw new TaosServerException(ServerErrorCode.AdapterError, "rows not equal 1");
        }
        var data = StmtBlockReader.Read(block, null);
        foreach (var column in data.Columns)
        {
            if (column.Type is TaosDataType.Timestamp or TaosDataType.Geometry)
            {
                throw new TaosServerException(ServerErrorCode.AdapterError, $"parse row block info error:unsupported data type {(int)column.Type}");
            }
        }
        return data.Rows[0];
    }

    private static object?[][] NewRows(BoundTarget target, int rows)
    {
        var result = new object?[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = new object?[target.Schema.Count];
        }
        return result;
    }

    private static object?[] CheckTags(BoundTarget target, IReadOnlyList<object?> values)
    {
        var tags = new object?[target.TagSchema.Count];
        for (int i = 0; i < target.Tags.Count; i++)
        {
            int t = target.Tags[i];
            tags[t] = BoundValues.Check(target.TagSchema[t], values[i], primaryKey: false);
        }
        return tags;
    }

    private static void CheckRoom(WsStmt stmt, int rows)
    {
        if ((long)stmt.PendingRows + rows > MaxPendingRows)
        {
            throw new TaosServerException(ServerErrorCode.AdapterError,
                $"too many bound rows: at most {MaxPendingRows} may wait for exec, {stmt.PendingRows} already do");
        }
    }

    private static void Keep(WsStmt stmt, BoundTarget target, IReadOnlyList<object?[]> rows)
    {
        foreach (var row in rows)
        {
            BoundValues.CheckRow(target.Schema, target.Columns, row);
        }
        stmt.AddRows(rows);
    }
}
