using Taos.Examples;

await using var environment = await ExampleEnvironment.StartAsync();
await ExceptionHandlingExample.RunAsync(environment.ConnectionString, Console.Out);
