using System.Globalization;
using System.Runtime.InteropServices;
using Taos.Server;
using Taos.Server.Http;

const string Usage = """
    Taos.Server — an embedded TDengine-compatible server (taosAdapter REST interface)

    usage: Taos.Server [--port PORT] [--data DIR] [--listen ADDRESS] [--user USER] [--password PASSWORD] [--timezone ZONE]
                       [--enforce-privileges] [--sml-child-table-name TAG]
                       [--edition community|enterprise]

      --port PORT          TCP port, 0 picks a free one (default 6041)
      --data DIR           directory for the data files, created when missing (default ./taos-data)
      --listen ADDRESS     address to listen on (default 127.0.0.1)
      --user USER          the super user a new data directory starts with (default root)
      --password PASSWORD  its initial password (default taosdata); later: ALTER USER … PASS
      --timezone ZONE      IANA time zone the server reads and renders timestamps in (default UTC)
      --enforce-privileges make READ/WRITE grants effective (TDengine's community edition
                           records them without enforcing them; so does this server by default)
      --sml-child-table-name TAG
                           schemaless points name their child table by this tag's value, which is
                           then not stored as a tag (taos.cfg's smlChildTableName; default: t_… names)
      --edition EDITION    community (default) or enterprise: the TDengine edition to answer as where
                           they differ (the enterprise edition has views)
      --help               show this help

    Prints "Taos.Server listening on URL" once it listens; stops on Ctrl-C or SIGTERM.
    """;

var options = new TaosServerOptions { DataDirectory = "taos-data" };
for (int i = 0; i < args.Length; i++)
{
    string arg = args[i];
    if (arg is "--help" or "-h" or "-?")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    if (arg == "--enforce-privileges")
    {
        options.EnforcePrivileges = true;
        continue;
    }
    if (arg is not ("--port" or "--data" or "--listen" or "--user" or "--password" or "--timezone" or "--sml-child-table-name" or "--edition"))
    {
        return Fail($"unknown argument '{arg}'");
    }
    if (i + 1 >= args.Length)
    {
        return Fail($"{arg} needs a value");
    }
    string value = args[++i];
    switch (arg)
    {
        case "--port":
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            {
                return Fail($"--port must be a number from 0 to 65535, not '{value}'");
            }
            options.Port = port;
            break;
        case "--data":
            if (value.Length == 0) return Fail("--data needs a directory");
            options.DataDirectory = value;
            break;
        case "--listen":
            if (value.Length == 0) return Fail("--listen needs an address");
            options.ListenAddress = value;
            break;
        case "--user":
            if (value.Length == 0) return Fail("--user needs a name");
            options.User = value;
            break;
        case "--password":
            if (value.Length == 0) return Fail("--password needs a value");
            options.Password = value;
            break;
        case "--sml-child-table-name":
            if (value.Length == 0) return Fail("--sml-child-table-name needs a tag name");
            options.SmlChildTableName = value;
            break;
        case "--timezone":
            if (!RestHandler.TryFindZone(value, out var zone, out string? message))
            {
                return Fail($"--timezone: {message}");
            }
            options.TimeZone = zone;
            break;
        case "--edition":
            if (!Enum.TryParse(value, ignoreCase: true, out TaosServerEdition edition) || !Enum.IsDefined(edition))
            {
                return Fail($"--edition must be community or enterprise, not '{value}'");
            }
            options.Edition = edition;
            break;
    }
}

using var stop = new CancellationTokenSource();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true; // we shut down ourselves, gracefully
    stop.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);

TaosServer server;
try
{
    server = await TaosServer.StartAsync(options, stop.Token);
}
catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or TaosServerException or Microsoft.Data.Sqlite.SqliteException)
{
    Console.Error.WriteLine($"Taos.Server: cannot start: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 0;
}

await using (server)
{
    Console.WriteLine($"Taos.Server listening on {server.Url.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
    using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
    await server.StopAsync(grace.Token);
}
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"Taos.Server: {message}");
    Console.Error.WriteLine("try --help");
    return 2;
}
