using Taos.Server.Sql.Ast;

namespace Taos.Server.Sql;

/// <summary>CREATE, DROP, USE and ALTER DATABASE, and the database options they take.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> IntegerDatabaseOptions = new(StringComparer.Ordinal)
    {
        "buffer", "cachesize", "comp", "maxrows", "minrows", "pages", "pagesize", "tsdb_pagesize", "replica",
        "vgroups", "single_stable", "schemaless", "wal_level", "wal_fsync_period", "wal_roll_period",
        "wal_segment_size", "stt_trigger", "keep_time_offset", "s3_chunksize", "s3_compact", "with_arbitrator",
    };

    /// <summary>After <c>CREATE DATABASE</c>: <c>[IF NOT EXISTS] db [option value …]</c>.</summary>
    private Statement ParseCreateDatabase()
    {
        bool ifNotExists = ParseIfNotExists();
        string name = ParseName(MaxDatabaseNameBytes);
        return new CreateDatabaseStatement(name, ifNotExists, ParseDatabaseOptions());
    }

    /// <summary>After <c>DROP DATABASE</c>: <c>[IF EXISTS] db</c>.</summary>
    private Statement ParseDropDatabase()
    {
        bool ifExists = ParseIfExists();
        return new DropDatabaseStatement(ParseName(MaxDatabaseNameBytes), ifExists);
    }

    private Statement ParseUse()
    {
        Advance();
        return new UseDatabaseStatement(ParseName(MaxDatabaseNameBytes));
    }

    /// <summary>The options ALTER DATABASE may change (TDengine's <c>alter_db_option</c>); any other is a syntax error.</summary>
    private static readonly HashSet<string> AlterableDatabaseOptions = new(StringComparer.Ordinal)
    {
        "buffer", "cachemodel", "cachesize", "wal_fsync_period", "keep", "pages", "replica", "wal_level", "stt_trigger",
        "minrows", "wal_retention_period", "wal_retention_size", "keep_time_offset", "s3_keeplocal", "s3_compact",
    };

    /// <summary>After <c>ALTER DATABASE</c>: <c>db option value …</c>, at least one option, each one ALTER may change.</summary>
    private Statement ParseAlterDatabase()
    {
        string name = ParseName(MaxDatabaseNameBytes);
        var options = new List<DatabaseOption>();
        while (Is(TokenKind.Keyword) && AlterableDatabaseOptions.Contains(_cur.Word!))
        {
            var option = _cur;
            Advance();
            options.Add(new DatabaseOption(option.Word!, ParseDatabaseOptionValues(option.Word!)!));
        }
        if (options.Count == 0)
        {
            throw Fail(_cur);
        }
        return new AlterDatabaseStatement(name, options);
    }

    private List<DatabaseOption> ParseDatabaseOptions()
    {
        var options = new List<DatabaseOption>();
        while (Is(TokenKind.Keyword))
        {
            var name = _cur;
            Advance();
            var values = ParseDatabaseOptionValues(name.Word!) ?? throw Fail(name);
            options.Add(new DatabaseOption(name.Word!, values));
        }
        return options;
    }

    /// <summary>
    /// The value (KEEP and RETENTIONS: the values) after the option <paramref name="name"/>, as written; null when
    /// <paramref name="name"/> is no database option.
    /// </summary>
    private List<string>? ParseDatabaseOptionValues(string name) => name switch
    {
        "precision" or "cachemodel" or "encrypt_algorithm" => [ParseStringContent()],
        "keep" => ParseCommaList(() => ParseTokenText(TokenKind.Integer, TokenKind.Duration)),
        "duration" or "s3_keeplocal" => [ParseTokenText(TokenKind.Integer, TokenKind.Duration)],
        "wal_retention_period" or "wal_retention_size" => [ParseSignedText(allowFloat: false, allowPlus: false)],
        "table_prefix" or "table_suffix" => [ParseSignedText(allowFloat: true, allowPlus: true)],
        "retentions" => ParseCommaList(ParseRetention),
        _ when IntegerDatabaseOptions.Contains(name) => [ParseTokenText(TokenKind.Integer)],
        _ => null,
    };

    private string ParseSignedText(bool allowFloat, bool allowPlus)
    {
        int start = _cur.Start;
        bool signed = Is(TokenKind.Minus) || (allowPlus && Is(TokenKind.Plus));
        if (signed)
        {
            Advance();
        }
        var t = _cur;
        if (t.Kind != TokenKind.Integer && !(allowFloat && t.Kind == TokenKind.Float))
        {
            throw Fail(t);
        }
        Advance();
        return signed ? _sql[start] + TextOf(t) : TextOf(t);
    }

    private string ParseRetention()
    {
        int start = _cur.Start;
        if (!TryTake(TokenKind.Minus))
        {
            Expect(TokenKind.Duration);
        }
        Expect(TokenKind.Colon);
        Expect(TokenKind.Duration);
        return TextFrom(start);
    }
}
