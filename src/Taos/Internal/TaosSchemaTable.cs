using System.Collections.ObjectModel;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Taos.Transport;

namespace Taos;

/// <summary>Builds the <see cref="DbDataReader.GetSchemaTable"/> table from a result's columns.</summary>
internal static class TaosSchemaTable
{
    /// <summary>A result's columns as <see cref="TaosDbColumn"/>s, each typed by <paramref name="fieldType"/> (the reader's <c>GetFieldType</c>).</summary>
    public static ReadOnlyCollection<DbColumn> Columns(TaosColumnMeta[] columns, Func<int, Type> fieldType)
    {
        var list = new List<DbColumn>(columns.Length);
        for (int i = 0; i < columns.Length; i++)
        {
            var c = columns[i];
            list.Add(new TaosDbColumn(i, c.Name, c.TypeName, c.Type, c.Length, fieldType(i)));
        }
        return list.AsReadOnly();
    }

    /// <summary>One row per column, with the standard schema-table columns.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2111", Justification = "A schema table's DataType column holds Type objects by design.")]
    public static DataTable Build(IEnumerable<TaosDbColumn> columns)
    {
        var table = new DataTable("SchemaTable");
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        table.Columns.Add(SchemaTableColumn.NumericPrecision, typeof(short));
        table.Columns.Add(SchemaTableColumn.NumericScale, typeof(short));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.ProviderType, typeof(int));
        table.Columns.Add("DataTypeName", typeof(string));
        table.Columns.Add(SchemaTableColumn.IsLong, typeof(bool));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsUnique, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsKey, typeof(bool));
        table.Columns.Add(SchemaTableColumn.BaseColumnName, typeof(string));
        table.Columns.Add(SchemaTableOptionalColumn.IsReadOnly, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsAliased, typeof(bool));
        table.Columns.Add(SchemaTableColumn.IsExpression, typeof(bool));
        foreach (var c in columns)
        {
            var row = table.NewRow();
            row[SchemaTableColumn.ColumnName] = c.ColumnName;
            row[SchemaTableColumn.ColumnOrdinal] = c.ColumnOrdinal!.Value;
            row[SchemaTableColumn.ColumnSize] = c.Length;
            row[SchemaTableColumn.NumericPrecision] = DBNull.Value;
            row[SchemaTableColumn.NumericScale] = DBNull.Value;
            row[SchemaTableColumn.DataType] = c.DataType!;
            row[SchemaTableColumn.ProviderType] = (int)c.TaosType;
            row["DataTypeName"] = c.DataTypeName!;
            row[SchemaTableColumn.IsLong] = c.IsLong ?? false;
            row[SchemaTableColumn.AllowDBNull] = true;
            row[SchemaTableColumn.IsUnique] = false;
            row[SchemaTableColumn.IsKey] = false;
            row[SchemaTableColumn.BaseColumnName] = c.ColumnName;
            row[SchemaTableOptionalColumn.IsReadOnly] = true;
            row[SchemaTableColumn.IsAliased] = false;
            row[SchemaTableColumn.IsExpression] = false;
            table.Rows.Add(row);
        }
        return table;
    }
}
