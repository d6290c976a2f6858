using Taos.Protocol;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>
/// CREATE, DROP and ALTER of tables and super tables, DESCRIBE, and what they are made of: column and tag
/// definitions, type names, table options.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>After <c>CREATE STABLE</c>: <c>[IF NOT EXISTS] name (columns) TAGS (tags) [options]</c>.</summary>
    private Statement ParseCreateStable()
    {
        bool ifNotExists = ParseIfNotExists();
        var name = ParseNewTableName();
        var columns = ParseColumnDefinitions();
        var tags = ParseTagDefinitions();
        var options = ParseTableOptions();
        return new CreateStableStatement(name, ifNotExists, columns, tags) { Options = options };
    }

    /// <summary>
    /// After <c>CREATE TABLE</c>: a normal table <c>name (columns)</c>, a super table <c>name (columns) TAGS (tags)</c>,
    /// or one or more child tables <c>name USING s … [name USING s …]</c>.
    /// </summary>
    private Statement ParseCreateTable()
    {
        bool ifNotExists = ParseIfNotExists();
        var name = ParseNewTableName();
        if (!Is(TokenKind.LParen))
        {
            return ParseCreateChildTables(name, ifNotExists);
        }
        var columns = ParseColumnDefinitions();
        if (IsKw("tags"))
        {
            var tags = ParseTagDefinitions();
            var stableOptions = ParseTableOptions();
            return new CreateStableStatement(name, ifNotExists, columns, tags) { Options = stableOptions };
        }
        var options = ParseTableOptions();
        return new CreateNormalTableStatement(name, ifNotExists, columns) { Options = options };
    }

    /// <summary>The child-table clauses of CREATE TABLE, the first one's name already read.</summary>
    private CreateChildTablesStatement ParseCreateChildTables(TableName firstName, bool firstIfNotExists)
    {
        var clauses = new List<ChildTableClause> { ParseChildTableClause(firstName, firstIfNotExists) };
        while (AtIdentifier() || IsKw("if"))
        {
            bool ifNotExists = ParseIfNotExists();
            var name = ParseNewTableName();
            clauses.Add(ParseChildTableClause(name, ifNotExists));
        }
        return new CreateChildTablesStatement(clauses);
    }

    /// <summary><c>USING s [(tag, …)] TAGS (v, …) [options]</c> after the child table's name.</summary>
    private ChildTableClause ParseChildTableClause(TableName name, bool ifNotExists)
    {
        ExpectKw("using");
        var stable = ParseTableName();
        var tagNames = ParseOptionalColumnNames();
        ExpectKw("tags");
        Expect(TokenKind.LParen);
        var values = ParseCommaList(ParseTagExpressionValue);
        var close = Expect(TokenKind.RParen);
        _ = ParseTableOptions();
        return new ChildTableClause(name, ifNotExists, stable, tagNames, new ValueList(values, close.Start));
    }

    /// <summary>After <c>DROP STABLE</c>: <c>[IF EXISTS] name</c>.</summary>
    private Statement ParseDropStable()
    {
        bool ifExists = ParseIfExists();
        return new DropStableStatement(ifExists, ParseTableName());
    }

    /// <summary>After <c>DROP TABLE</c>: <c>[IF EXISTS] name {, [IF EXISTS] name}</c>.</summary>
    private Statement ParseDropTable()
    {
        bool ifExists = ParseIfExists();
        var names = new List<TableName> { ParseTableName() };
        while (TryTake(TokenKind.Comma))
        {
            // Each name may carry its own IF EXISTS; the statement keeps the first one's.
            ParseIfExists();
            names.Add(ParseTableName());
        }
        return new DropTableStatement(ifExists, names);
    }

    private Statement ParseDescribe()
    {
        Advance();
        return new DescribeStatement(ParseTableName());
    }

    // ------------------------------------------------------------------ ALTER TABLE / STABLE

    /// <summary>After <c>ALTER</c>: <c>TABLE|STABLE name</c> and one change.</summary>
    private Statement ParseAlterTable()
    {
        bool stable = !TryKw("table");
        if (stable)
        {
            ExpectKw("stable");
        }
        var table = ParseTableName();
        if (TryKw("add"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.AddColumn, AlterTableKind.AddTag);
            return new AlterTableStatement(stable, table, kind, ParseColumnDefinition(), null, null, null, []);
        }
        if (TryKw("modify"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.ModifyColumn, AlterTableKind.ModifyTag);
            return new AlterTableStatement(stable, table, kind, ParseColumnDefinition(), null, null, null, []);
        }
        if (TryKw("drop"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.DropColumn, AlterTableKind.DropTag);
            return new AlterTableStatement(stable, table, kind, null, ParseName(MaxColumnNameBytes), null, null, []);
        }
        if (TryKw("rename"))
        {
            var kind = ParseColumnOrTag(AlterTableKind.RenameColumn, AlterTableKind.RenameTag);
            string oldName = ParseName(MaxColumnNameBytes);
            string newName = ParseName(MaxColumnNameBytes);
            return new AlterTableStatement(stable, table, kind, null, oldName, newName, null, []);
        }
        if (TryKw("set"))
        {
            ExpectKw("tag");
            string tag = ParseName(MaxColumnNameBytes);
            Expect(TokenKind.Eq);
            var value = ParseTagExpressionValue();
            return new AlterTableStatement(stable, table, AlterTableKind.SetTag, null, tag, null, value, []);
        }
        return new AlterTableStatement(stable, table, AlterTableKind.Options, null, null, null, null, ParseAlterTableOptions());
    }

    private AlterTableKind ParseColumnOrTag(AlterTableKind column, AlterTableKind tag)
    {
        if (TryKw("column"))
        {
            return column;
        }
        ExpectKw("tag");
        return tag;
    }

    /// <summary>One or more of <c>COMMENT 'c'</c> and <c>TTL n</c>.</summary>
    private List<DatabaseOption> ParseAlterTableOptions()
    {
        var options = new List<DatabaseOption>();
        while (true)
        {
            if (TryKw("comment"))
            {
                options.Add(new DatabaseOption("comment", [ParseStringContent()]));
            }
            else if (TryKw("ttl"))
            {
                options.Add(new DatabaseOption("ttl", [ParseTokenText(TokenKind.Integer)]));
            }
            else
            {
                break;
            }
        }
        if (options.Count == 0)
        {
            throw Fail(_cur);
        }
        return options;
    }

    // ------------------------------------------------------------------ columns, tags, types, options

    private List<ColumnDefinition> ParseColumnDefinitions() => ParseParenthesizedList(ParseColumnDefinition);

    private List<ColumnDefinition> ParseTagDefinitions()
    {
        ExpectKw("tags");
        return ParseColumnDefinitions();
    }

    /// <summary><c>name type [PRIMARY KEY] [ENCODE 'e'] [COMPRESS 'c'] [LEVEL 'l']</c>, options in any order.</summary>
    private ColumnDefinition ParseColumnDefinition()
    {
        string name = ParseName(MaxColumnNameBytes);
        var type = ParseTypeName();
        bool primaryKey = false;
        string? encode = null, compress = null, level = null;
        while (true)
        {
            if (TryKw("primary"))
            {
                ExpectKw("key");
                primaryKey = true;
            }
            else if (TryKw("encode"))
            {
                encode = ParseStringContent();
            }
            else if (TryKw("compress"))
            {
                compress = ParseStringContent();
            }
            else if (TryKw("level"))
            {
                level = ParseStringContent();
            }
            else
            {
                break;
            }
        }
        return new ColumnDefinition(name, type, primaryKey, encode, compress, level);
    }

    /// <summary>A type name: <c>INT [UNSIGNED]</c>, <c>VARCHAR(n)</c>, ….</summary>
    private TypeSpec ParseTypeName()
    {
        var t = _cur;
        var type = (t.Kind == TokenKind.Keyword ? TypeNamed(t.Word!) : null) ?? throw Fail(t);
        Advance();
        if (TaosTypes.IsVariableLength(type))
        {
            Expect(TokenKind.LParen);
            long length = ParseInteger();
            Expect(TokenKind.RParen);
            return new TypeSpec(type, (int)Math.Min(length, int.MaxValue));
        }
        if (type is TaosDataType.TinyInt or TaosDataType.SmallInt or TaosDataType.Int or TaosDataType.BigInt && TryKw("unsigned"))
        {
            type = type switch
            {
                TaosDataType.TinyInt => TaosDataType.UTinyInt,
                TaosDataType.SmallInt => TaosDataType.USmallInt,
                TaosDataType.Int => TaosDataType.UInt,
                _ => TaosDataType.UBigInt,
            };
        }
        return new TypeSpec(type, TaosTypes.FixedSize(type) ?? 0);
    }

    private static TaosDataType? TypeNamed(string word) => word switch
    {
        "bool" => TaosDataType.Bool,
        "tinyint" => TaosDataType.TinyInt,
        "smallint" => TaosDataType.SmallInt,
        "int" or "integer" => TaosDataType.Int,
        "bigint" => TaosDataType.BigInt,
        "float" => TaosDataType.Float,
        "double" => TaosDataType.Double,
        "timestamp" => TaosDataType.Timestamp,
        "json" => TaosDataType.Json,
        "binary" or "varchar" => TaosDataType.VarChar,
        "nchar" => TaosDataType.NChar,
        "varbinary" => TaosDataType.VarBinary,
        "geometry" => TaosDataType.Geometry,
        _ => null,
    };

    /// <summary>
    /// Table options: COMMENT and TTL are returned (a child table's are dropped by its caller); MAX_DELAY, WATERMARK,
    /// DELETE_MARK, ROLLUP and SMA are accepted and ignored.
    /// </summary>
    private TableOptions ParseTableOptions()
    {
        var options = TableOptions.None;
        while (true)
        {
            if (TryKw("comment"))
            {
                options = options with { Comment = ParseStringContent() };
            }
            else if (TryKw("ttl"))
            {
                var t = _cur;
                options = options with { Ttl = int.TryParse(ParseTokenText(TokenKind.Integer), System.Globalization.CultureInfo.InvariantCulture, out int ttl) ? ttl : throw Fail(t) };
            }
            else if (TryKw("max_delay") || TryKw("watermark") || TryKw("delete_mark"))
            {
                ParseCommaList(() => Expect(TokenKind.Duration));
            }
            else if (TryKw("rollup") || TryKw("sma"))
            {
                ParseParenthesizedList(ExpectRollupFunctionOrColumn);
            }
            else
            {
                return options;
            }
        }
    }

    /// <summary>An entry of ROLLUP(…) or SMA(…): a name, <c>first</c> or <c>last</c>.</summary>
    private Token ExpectRollupFunctionOrColumn()
    {
        var t = _cur;
        if (!(IsIdentifier(t) || t.IsKeyword("first") || t.IsKeyword("last")))
        {
            throw Fail(t);
        }
        Advance();
        return t;
    }
}
