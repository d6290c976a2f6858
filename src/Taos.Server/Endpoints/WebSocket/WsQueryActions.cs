using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Taos.Server.Engine;

namespace Taos.Server.Endpoints.WebSocket;

/// <summary>The query actions: <c>query</c>, <c>fetch</c>, <c>fetch_block</c>, <c>free_result</c>, <c>num_fields</c>.</summary>
internal sealed class WsQueryActions(SqlEngine engine)
{
    /// <summary>
    /// Rows per block a <c>fetch</c> prepares for a sorted result (<see cref="RowSetResult.Sorted"/>): 1024, as the
    /// official C# connector's recorded session shows for a sorted 5,010-row result (blocks of 1024, 1024, 1024,
    /// 1024, 914 rows) — TDengine's sort and merge operators emit 1024-row blocks.
    /// </summary>
    public const int SortedBlockRows = 1024;

    /// <summary>Rows per block a <c>fetch</c> prepares for any other result: 4096, what TDengine's plain scans fill.</summary>
    public const int ScanBlockRows = 4096;

    /// <summary>Results one connection may hold open at once.</summary>
    public const int MaxOpenResults = 1024;

    private const string ResultIsNil = "result is nil";

    /// <summary><c>query</c>: runs the statement; a result set stays open under a new id.</summary>
    public WsAnswer Query(WsCall call)
    {
        if (!call.Request.TryGetString("sql", out string sql))
        {
            return call.Error(ServerErrorCode.AdapterError, "unmarshal query request error");
        }
        if (call.Connection.OpenResults >= MaxOpenResults)
        {
            return call.Error(ServerErrorCode.AdapterError, $"too many open results (at most {MaxOpenResults} per connection)");
        }
        StatementResult? result = null;
        var live = engine.Admin.Connections;
        var query = call.Connection.Live is { } connection ? live.Start(connection.Id, sql) : null;
        try
        {
            result = engine.Execute(sql, call.Connection.Session!);
        }
        catch (TaosServerException ex)
        {
            return call.Error(ex.Code, ex.Message);
        }
        finally
        {
            // A statement without rows to fetch ends here; one with rows when its result is freed.
            if (query is not null && result is not RowSetResult) live.Finished(query);
        }
        if (result is AffectedRowsResult affected)
        {
            return WsAnswer.Text(call.Ok().Field("id").UInt64(0).Field("is_update").Bool(true)
                .Field("affected_rows").Int64(affected.AffectedRows).Field("fields_count").Int64(0)
                .Field("fields_names").Null().Field("fields_types").Null().Field("fields_lengths").Null()
                .Field("precision").Int64(0));
        }
        var rowSet = (RowSetResult)result;
        var open = query is null ? call.Connection.Open(rowSet)
            : call.Connection.Open(Engine.Admin.KillableResult.Guard(rowSet, query), () => live.Finished(query));
        var columns = rowSet.Columns;
        return WsAnswer.Text(call.Ok().Field("id").UInt64(open.Id).Field("is_update").Bool(false)
            .Field("affected_rows").Int64(0).Field("fields_count").Int64(columns.Count)
            .Field("fields_names").Strings(columns.Select(c => c.Name))
            .Field("fields_types").Numbers(columns.Select(c => (long)c.Type))
            .Field("fields_lengths").Numbers(columns.Select(c => (long)c.Length))
            .Field("precision").Int64((long)rowSet.Precision));
    }

    /// <summary><c>fetch</c>: prepares the next block; the fetch that finds none frees the result.</summary>
    public static WsAnswer Fetch(WsCall call)
    {
        if (!TryFindResult(call, "id", "fetch", out ulong id, out var result, out var error))
        {
            return error;
        }
        int rows;
        try
        {
            rows = result.FetchBlock(result.Sorted ? SortedBlockRows : ScanBlockRows);
        }
        catch (TaosServerException ex)
        {
            call.Connection.Free(id);
            return call.Error(ex.Code, ex.Message);
        }
        var reply = call.Ok().Field("id").UInt64(id);
        if (rows == 0)
        {
            call.Connection.Free(id);
            return WsAnswer.Text(reply.Field("completed").Bool(true).Field("lengths").Null().Field("rows").Int64(0));
        }
        return WsAnswer.Text(reply.Field("completed").Bool(false)
            .Field("lengths").Numbers(result.Columns.Select(c => (long)c.Bytes)).Field("rows").Int64(rows));
    }

    /// <summary><c>fetch_block</c>: a binary frame of timing u64, result id u64 and the prepared raw block.</summary>
    public static WsAnswer FetchBlock(WsCall call)
    {
        if (!TryFindResult(call, "id", "fetch_block", out ulong id, out var result, out var error))
        {
            return error;
        }
        if (result.Block is not { } block)
        {
            return call.Error(ServerErrorCode.AdapterError, "block is nil");
        }
        // The block was written after room for the frame's timing and id (WsResult.FrameHeaderSize).
        BinaryPrimitives.WriteInt64LittleEndian(block.Span, call.Timing);
        BinaryPrimitives.WriteUInt64LittleEndian(block.Span[8..], id);
        return new WsAnswer(block, true);
    }

    /// <summary><c>free_result</c>: frees the result; never answers.</summary>
    public static WsAnswer? FreeResult(WsCall call)
    {
        if (call.Request.TryGetUInt64("id", out ulong id))
        {
            call.Connection.Free(id);
        }
        return null;
    }

    /// <summary><c>num_fields</c>: the column count of an open result (<c>args.result_id</c>).</summary>
    public static WsAnswer NumFields(WsCall call)
    {
        return TryFindResult(call, "result_id", "num_fields", out _, out var result, out var error)
            ? WsAnswer.Text(call.Ok().Field("num_fields").Int64(result.Columns.Count))
            : error;
    }

    /// <summary>
    /// The open result that the request's <paramref name="idField"/> names; else the answer taosAdapter gives: a
    /// missing or malformed id is <c>unmarshal {action} request error</c>, an unknown one <c>result is nil</c>.
    /// </summary>
    private static bool TryFindResult(
        WsCall call, string idField, string action, out ulong id,
        [NotNullWhen(true)] out WsResult? result, out WsAnswer error)
    {
        result = null;
        error = default;
        if (!call.Request.TryGetUInt64(idField, out id))
        {
            error = call.Error(ServerErrorCode.AdapterError, $"unmarshal {action} request error");
            return false;
        }
        result = call.Connection.Find(id);
        if (result is null)
        {
            error = call.Error(ServerErrorCode.AdapterError, ResultIsNil);
            return false;
        }
        return true;
    }
}
