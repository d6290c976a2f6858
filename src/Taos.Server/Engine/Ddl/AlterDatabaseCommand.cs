using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Engine.Time;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>
/// ALTER DATABASE: the options TDengine lets it change (the parser refuses the others), range-checked as CREATE
/// DATABASE checks them, plus what a single community-edition dnode refuses (REPLICA 3, STT_TRIGGER other than 1).
/// </summary>
internal sealed class AlterDatabaseCommand(IStore store)
{
    public AffectedRowsResult Execute(AlterDatabaseStatement s) => store.Write(tx =>
    {
        var db = store.FindDatabase(s.Name) ?? throw CatalogResolver.DatabaseNotExist();
        foreach (var option in s.Options) CheckSingleNode(option);
        var (_, normalized) = DatabaseOptions.Validate(WithContext(db, s.Options));
        var options = new Dictionary<string, string>(db.Options, StringComparer.Ordinal);
        foreach (var option in s.Options)
        {
            // TDengine 3.3.0.1 accepts KEEP_TIME_OFFSET here but does not apply it: ins_databases keeps the old value.
            if (option.Name != "keep_time_offset") options[option.Name] = normalized[option.Name];
        }
        tx.AlterDatabase(db with { Options = options });
        return new AffectedRowsResult(0);
    });

    /// <summary>The statement's options plus the database's precision and (unless given) duration, which KEEP is checked against.</summary>
    private static List<DatabaseOption> WithContext(DatabaseInfo db, IReadOnlyList<DatabaseOption> options)
    {
        var all = new List<DatabaseOption>(options) { new("precision", [Precisions.Name(db.Precision)]) };
        if (db.Options.TryGetValue("duration", out var duration)) all.Add(new DatabaseOption("duration", [duration]));
        return all;
    }

    private static void CheckSingleNode(DatabaseOption option)
    {
        string value = option.Values[0];
        if (option.Name == "replica" && value == "3") throw AlterErrors.OutOfDnodes();
        if (option.Name == "stt_trigger" && value != "1")
            throw new TaosServerException(ServerErrorCode.InvalidOption, $"Invalid option sstTrigger: {value} valid range: [1, 1]");
    }
}
