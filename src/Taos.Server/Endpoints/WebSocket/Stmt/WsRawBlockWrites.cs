using System.Buffers.Binary;
using System.Text;
using Taos.Protocol.RawBlock;
using Taos.Server.Endpoints.Tmq;
using Taos.Server.Engine;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Write;

namespace Taos.Server.Endpoints.WebSocket.Stmt;

/// <summary>
/// Binary messages 3-5 of <c>/ws</c>: <c>write_raw_block</c> (rows i32, table name length u16, name, raw block) and
/// <c>write_raw_block_with_fields</c> (the same, then 72-byte <c>TAOS_FIELD</c>s naming the block's columns) write a
/// raw block into an existing table of the current database through the INSERT write path; so does <c>write_raw</c>
/// with the raw form of a TMQ message: data, data-and-meta (its child tables created first) or table meta (applied
/// by <see cref="MetaApplier"/>).
/// </summary>
internal sealed class WsRawBlockWrites(SqlEngine engine)
{
    private readonly MetaApplier _meta = new(engine);

    /// <summary>TDengine's 0x0118 <c>Invalid parameters</c>, what <c>taos_write_raw_block</c> answers for a block that does not fit the table.</summary>
    public const int InvalidParameters = 0x0118;

    /// <summary>Bytes of one <c>TAOS_FIELD</c>: name char[65], type i8, 2 pad bytes, bytes i32.</summary>
    public const int FieldSize = 72;

    private const int NameSize = 65;

    /// <summary>Binary message 4 or 5 (<paramref name="withFields"/>).</summary>
    public WsAnswer WriteRawBlock(WsConnection connection, WsBinaryHeader header, ReadOnlySpan<byte> payload, bool withFields)
    {
        var call = new StmtCall(connection, withFields ? "write_raw_block_with_fields" : "write_raw_block", header.RequestId);
        try
        {
            if (payload.Length < 6)
            {
                throw new FormatException("write_raw_block message shorter than its rows and table name length");
            }
            int rows = BinaryPrimitives.ReadInt32LittleEndian(payload);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]);
            if (payload.Length < 6 + nameLength)
            {
                throw new FormatException($"table name of {nameLength} bytes runs past the message");
            }
            string name = Encoding.UTF8.GetString(payload.Slice(6, nameLength));
            var block = payload[(6 + nameLength)..];
            var (blockRows, cols, length) = StmtBlockReader.ReadHeader(block);
            if (blockRows != rows)
            {
                throw new FormatException($"the message says {rows} rows, its block holds {blockRows}");
            }
            var names = withFields ? FieldNames(block[length..], cols) : null;
            var table = Target(connection.Session!, name, names, out var columns);
            var data = StmtBlockReader.Read(block, null);
            table.Add(Rows(table.Target, columns, data));
            engine.BoundWriter.Write([table]);
            return call.Done();
        }
        catch (TaosServerException ex)
        {
            return call.Error(ex.Code, ex.Message);
        }
        catch (FormatException ex)
        {
            return call.Error(ServerErrorCode.AdapterError, ex.Message);
        }
    }

    /// <summary>
    /// Binary message 3: the raw form of a TMQ data message (meta type 2, what <c>fetch_raw</c> sends) is written into
    /// the tables it names in the current database, every block of it or none (one write); a data-and-meta message
    /// (4) first creates the child tables it names; a table-meta message (its vnode message type) is applied as DDL.
    /// On the legacy <c>/rest/ws</c> the reply also carries <c>message_id</c>, the header's id.
    /// </summary>
    public WsAnswer WriteRaw(WsConnection connection, WsBinaryHeader header, ReadOnlySpan<byte> payload)
    {
        var call = new StmtCall(connection, "write_raw", header.RequestId);
        WsReply reply;
        try
        {
            uint length = payload.Length < 6 ? uint.MaxValue : BinaryPrimitives.ReadUInt32LittleEndian(payload);
            if (length > payload.Length - 6)
            {
                throw new FormatException("write_raw message shorter than its meta length says");
            }
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]);
            var raw = payload.Slice(6, (int)length);
            if (type == TmqRawMessage.DataType)
            {
                WriteData(connection.Session!, TmqRawDataReader.Read(raw));
            }
            else if (type == TmqRawMessage.MetadataType)
            {
                var (blocks, created) = TmqRawDataReader.ReadWithCreated(raw);
                _meta.Apply(new MetaBatch(MetaKind.CreateTable, created), connection.Session!);
                WriteData(connection.Session!, blocks);
            }
            else
            {
                _meta.Apply(TmqRawMeta.Decode(type, raw), connection.Session!);
            }
            reply = call.Start(0, "");
        }
        catch (TaosServerException ex)
        {
            reply = call.Start(ex.Code & 0xFFFF, ex.Message);
        }
        catch (FormatException ex)
        {
            reply = call.Start(ServerErrorCode.AdapterError & 0xFFFF, ex.Message);
        }
        return WsAnswer.Text(connection.Legacy ? reply.Field("message_id").UInt64(header.Id) : reply);
    }

    private void WriteData(SqlSession session, List<TmqRawDataBlock> blocks)
    {
        var tables = new List<BoundTable>(blocks.Count);
        foreach (var block in blocks)
        {
            var table = Target(session, block.Table ?? throw new TaosServerException(InvalidParameters, "raw data block without its table name"),
                block.Columns, out var columns);
            table.Add(Rows(table.Target, columns, StmtBlockReader.Read(block.Block, null)));
            tables.Add(table);
        }
        engine.BoundWriter.Write(tables);
    }

    /// <summary>The names of the <paramref name="cols"/> <c>TAOS_FIELD</c>s after the block.</summary>
    private static string[] FieldNames(ReadOnlySpan<byte> fields, int cols)
    {
        if (fields.Length < (long)cols * FieldSize)
        {
            throw new FormatException($"{cols} fields of {FieldSize} bytes run past the message");
        }
        var names = new string[cols];
        for (int c = 0; c < cols; c++)
        {
            var name = fields.Slice(c * FieldSize, NameSize);
            int end = name.IndexOf((byte)0);
            names[c] = Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
        }
        return names;
    }

    /// <summary>
    /// The existing table <paramref name="name"/> of the current database, and the schema index each block column
    /// fills: in order without field names (the block must have every column), else by name.
    /// </summary>
    private BoundTable Target(SqlSession session, string name, string[]? names, out int[] columns)
    {
        var db = CatalogResolver.RequireDatabase(engine.Catalog, null, session);
        var table = engine.Catalog.FindTable(db.Name, name) ?? throw CatalogResolver.TableNotExist();
        if (table.Kind == TableKind.Super)
        {
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "insert data into super table is not supported");
        }
        columns = names is null
            ? Enumerable.Range(0, table.Columns.Count).ToArray()
            : names.Select(n => TagBinder.IndexOf(table.Columns, n) is >= 0 and var i ? i
                : throw new TaosServerException(ServerErrorCode.InvalidColumnName, "Invalid column name: " + n)).ToArray();
        if (!columns.Contains(0))
        {
            throw new TaosServerException(ServerErrorCode.PrimaryTimestampNull, "Primary timestamp column should not be null");
        }
        if (columns.Distinct().Count() != columns.Length)
        {
            throw new TaosServerException(InvalidParameters, "Invalid parameters");
        }
        var target = new BoundTarget(db, table.Name, table.Columns, table.Tags, null, columns, []);
        return new BoundTable(target);
    }

    /// <summary>The block's rows spread to the table's width and checked; 0x0118 when a column count or type differs.</summary>
    private static List<object?[]> Rows(BoundTarget target, int[] columns, RawBlockData data)
    {
        if (data.Columns.Count != columns.Length)
        {
            throw new TaosServerException(InvalidParameters, "Invalid parameters");
        }
        for (int i = 0; i < columns.Length; i++)
        {
            if (data.Columns[i].Type != target.Schema[columns[i]].Type)
            {
                throw new TaosServerException(InvalidParameters, "Invalid parameters");
            }
        }
        var rows = new List<object?[]>(data.Rows.Count);
        foreach (var given in data.Rows)
        {
            var row = new object?[target.Schema.Count];
            for (int i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = given[i];
            }
            BoundValues.CheckRow(target.Schema, columns, row);
            rows.Add(row);
        }
        return rows;
    }
}
