using Taos.Examples;

// Runs against TDENGINE_URL (+ TDENGINE_TOKEN for TDengine Cloud) when set, else against an embedded server.
await using var environment = await ExampleEnvironment.StartAsync();
await ConnectionExample.RunAsync(environment.ConnectionString, Console.Out);
