using System.Globalization;
using Taos.Server.Engine.Catalog;
using Taos.Server.Engine.Storage;
using Taos.Server.Sql.Ast;

namespace Taos.Server.Engine.Ddl;

/// <summary>CREATE DATABASE, DROP DATABASE, USE and SHOW DATABASES.</summary>
internal sealed class DatabaseCommands(IStore store)
{
    private static AffectedRowsResult Ok() => new(0);

    public AffectedRowsResult Create(CreateDatabaseStatement s)
    {
        var (precision, options) = DatabaseOptions.Validate(s.Options);
        return store.Write(tx =>
        {
            if (store.FindDatabase(s.Name) is not null)
            {
                if (s.IfNotExists) return Ok();
                throw new TaosServerException(ServerErrorCode.DatabaseAlreadyExists, "Database already exists");
            }
            options["create_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            options[Vgroups.FirstIdOption] = Vgroups.NextFirstId(store.Databases());
            tx.CreateDatabase(new DatabaseInfo(s.Name, precision, options));
            return Ok();
        });
    }

    public AffectedRowsResult Drop(DropDatabaseStatement s) => store.Write(tx =>
    {
        if (store.FindDatabase(s.Name) is null)
        {
            if (s.IfExists) return Ok();
            throw CatalogResolver.DatabaseNotExist();
        }
        tx.DropDatabase(s.Name);
        return Ok();
    });

    public AffectedRowsResult Use(UseDatabaseStatement s, SqlSession session)
    {
        if (!SystemTables.SystemSchemas.IsSystemDatabase(s.Name) && store.FindDatabase(s.Name) is null) throw CatalogResolver.DatabaseNotExist();
        session.Database = s.Name;
        return Ok();
    }

    public RowSetResult Show(ShowDatabasesStatement s)
    {
        var rows = new List<object?[]>();
        if (s.Kind != ShowDatabasesKind.User)
        {
            rows.Add(["information_schema"]);
            rows.Add(["performance_schema"]);
        }
        if (s.Kind != ShowDatabasesKind.System) rows.AddRange(store.Databases().Select(d => new object?[] { d.Name }));
        return new RowSetResult([new ResultColumn("name", TaosDataType.VarChar, 64)], rows, TaosPrecision.Milliseconds);
    }
}
