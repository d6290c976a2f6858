using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Streams;
using Taos.Server.Engine.Topics;
using Taos.Server.Engine.Udf;
using Taos.Server.Engine.Users;
using Taos.Server.Engine.Views;

namespace Taos.Server.Engine.Catalog;

/// <summary>What the query executor needs from the catalog and the row store.</summary>
internal interface ICatalogReader
{
    /// <summary>The database, or null when it does not exist.</summary>
    DatabaseInfo? FindDatabase(string name);

    /// <summary>A super, child or normal table of <paramref name="database"/>, or null.</summary>
    TableInfo? FindTable(string database, string name);

    /// <summary>All user databases in creation order (for information_schema).</summary>
    IReadOnlyList<DatabaseInfo> Databases();

    /// <summary>All super, child and normal tables of a database in creation order (for information_schema).</summary>
    IReadOnlyList<TableInfo> Tables(string database);

    /// <summary>The child tables of a super table.</summary>
    IReadOnlyList<TableInfo> ChildTables(string database, string superTable);

    /// <summary>
    /// The rows of one child or normal table with <paramref name="minTs"/> ≤ ts ≤ <paramref name="maxTs"/>,
    /// ascending by ts, reading only the schema columns <paramref name="columns"/> (index 0 = ts), as typed batches
    /// whose <see cref="ColumnBatch.Columns"/> follow the order of <paramref name="columns"/>. The same batch instance may be refilled for the next one. Lazy: dispose the enumerator to release storage.
    /// </summary>
    IEnumerable<ColumnBatch> ScanBatches(TableInfo table, long minTs, long maxTs, IReadOnlyList<int> columns);

    /// <summary>
    /// The rows of child or normal tables that decide LAST_ROW and LAST over <paramref name="minTs"/> ≤ ts ≤
    /// <paramref name="maxTs"/>, read like <see cref="ScanBatches"/>: per table of <paramref name="tables"/>, in their
    /// order, its position in the list with batches holding at least the range's last row and, for each schema
    /// column of <paramref name="nonNullColumns"/>, the range's last row where that column is not NULL; never a row
    /// twice, ascending by ts; nothing for a table without rows there. Any ascending subset of the range holding
    /// those rows answers alike: by default the whole range (a store seeks the few rows instead).
    /// </summary>
    IEnumerable<(int Index, ColumnBatch Rows)> LastRows(
        IReadOnlyList<TableInfo> tables, long minTs, long maxTs, IReadOnlyList<int> columns, IReadOnlyList<int> nonNullColumns)
    {
        for (int i = 0; i < tables.Count; i++)
        {
            foreach (var rows in ScanBatches(tables[i], minTs, maxTs, columns)) yield return (i, rows);
        }
    }

    /// <summary>The users in creation order (for information_schema.ins_users and ins_user_privileges); none by default.</summary>
    IReadOnlyList<UserAccount> Users() => [];

    /// <summary>The tag indexes of a database in creation order (for information_schema.ins_indexes); none by default.</summary>
    IReadOnlyList<TagIndexInfo> Indexes(string database) => [];

    /// <summary>The topics in creation order (for information_schema.ins_topics and SHOW TOPICS); none by default.</summary>
    IReadOnlyList<TopicInfo> Topics() => [];

    /// <summary>The streams in creation order (for information_schema.ins_streams and SHOW STREAMS); none by default.</summary>
    IReadOnlyList<StreamInfo> Streams() => [];

    /// <summary>The views in creation order (for FROM, information_schema.ins_views and SHOW VIEWS); none by default.</summary>
    IReadOnlyList<ViewInfo> Views() => [];

    /// <summary>The SMA indexes of every database in creation order (for information_schema.ins_indexes); none by default.</summary>
    IReadOnlyList<SmaIndexInfo> SmaIndexes() => [];

    /// <summary>The TSMAs of every database in creation order (for information_schema.ins_tsmas and ins_indexes); none by default.</summary>
    IReadOnlyList<TsmaInfo> Tsmas() => [];

    /// <summary>The user-defined functions in creation order (for information_schema.ins_functions and SHOW FUNCTIONS); none by default.</summary>
    IReadOnlyList<UserFunction> Functions() => [];
}
