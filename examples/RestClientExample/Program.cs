using Taos.Examples;

await using var environment = await ExampleEnvironment.StartAsync();
await RestClientExample.RunAsync(environment.Url, environment.Token, Console.Out);
