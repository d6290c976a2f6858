using Taos.Examples;

await using var environment = await ExampleEnvironment.StartAsync();
await CursorExample.RunAsync(environment.ConnectionString, Console.Out);
