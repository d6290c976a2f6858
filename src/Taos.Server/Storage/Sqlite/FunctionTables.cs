using Microsoft.Data.Sqlite;
using Taos.Server.Engine.Udf;

namespace Taos.Server.Storage.Sqlite;

/// <summary>
/// The user-defined functions: one row per function in <c>catalog_function</c> (its fields as columns, the library's
/// bytes as a BLOB, <c>seq</c> keeping creation order; OR REPLACE keeps a function's place), mirrored in memory.
/// Changes go to SQLite inside the caller's transaction and to the mirror at once; after a rollback the mirror is
/// rebuilt with <see cref="Load"/>.
/// </summary>
internal sealed class FunctionTables
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private List<(UserFunction Function, long Order)> _functions = [];

    /// <summary>Creates <c>catalog_function</c> when missing and loads it.</summary>
    /// <param name="connection">The store's writer connection.</param>
    public FunctionTables(SqliteConnection connection)
    {
        _connection = connection;
        RawSqlite.Exec(connection, """
            CREATE TABLE IF NOT EXISTS catalog_function (name TEXT PRIMARY KEY, seq INTEGER NOT NULL, aggregate INTEGER NOT NULL,
              python INTEGER NOT NULL, output_type INTEGER NOT NULL, output_length INTEGER NOT NULL, bufsize INTEGER NOT NULL,
              code BLOB NOT NULL, created INTEGER NOT NULL, version INTEGER NOT NULL)
            """);
        Load();
    }

    /// <summary>Rebuilds the mirror from the committed rows.</summary>
    public void Load()
    {
        var functions = new List<(UserFunction, long)>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = """
                SELECT name, seq, aggregate, python, output_type, output_length, bufsize, code, created, version
                FROM catalog_function ORDER BY seq
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var function = new UserFunction(reader.GetString(0), reader.GetInt64(2) != 0, reader.GetInt64(3) != 0,
                    (TaosDataType)reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), (byte[])reader.GetValue(7), reader.GetInt64(8),
                    reader.GetInt32(9));
                functions.Add((function, reader.GetInt64(1)));
            }
        }
        lock (_lock) _functions = functions;
    }

    /// <summary>All functions in creation order.</summary>
    public IReadOnlyList<UserFunction> All()
    {
        lock (_lock) return _functions.Select(f => f.Function).ToList();
    }

    public void Save(SqliteTransaction transaction, UserFunction function)
    {
        long order;
        lock (_lock)
        {
            var existing = _functions.FindIndex(f => f.Function.Name == function.Name);
            order = existing >= 0 ? _functions[existing].Order : _functions.Count == 0 ? 1 : _functions.Max(f => f.Order) + 1;
        }
        using (var command = RawSqlite.Command(transaction, """
            INSERT INTO catalog_function (name, seq, aggregate, python, output_type, output_length, bufsize, code, created, version)
            VALUES ($n, $s, $a, $p, $t, $l, $b, $c, $ct, $v)
            ON CONFLICT (name) DO UPDATE SET aggregate = excluded.aggregate, python = excluded.python, output_type = excluded.output_type,
              output_length = excluded.output_length, bufsize = excluded.bufsize, code = excluded.code, created = excluded.created,
              version = excluded.version
            """))
        {
            command.Parameters.AddWithValue("$n", function.Name);
            command.Parameters.AddWithValue("$s", order);
            command.Parameters.AddWithValue("$a", function.Aggregate ? 1 : 0);
            command.Parameters.AddWithValue("$p", function.Python ? 1 : 0);
            command.Parameters.AddWithValue("$t", (int)function.OutputType);
            command.Parameters.AddWithValue("$l", function.OutputLength);
            command.Parameters.AddWithValue("$b", function.BufSize);
            command.Parameters.AddWithValue("$c", function.Code);
            command.Parameters.AddWithValue("$ct", function.CreateTime);
            command.Parameters.AddWithValue("$v", function.Version);
            command.ExecuteNonQuery();
        }
        lock (_lock)
        {
            _functions = _functions.Where(f => f.Function.Name != function.Name).Append((Function: function, Order: order)).OrderBy(f => f.Order).ToList();
        }
    }

    public void Remove(SqliteTransaction transaction, string name)
    {
        using (var command = RawSqlite.Command(transaction, "DELETE FROM catalog_function WHERE name = $n"))
        {
            command.Parameters.AddWithValue("$n", name);
            command.ExecuteNonQuery();
        }
        lock (_lock) _functions = _functions.Where(f => f.Function.Name != name).ToList();
    }
}
