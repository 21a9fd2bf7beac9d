using KoraInfra.Platform.Database;
using KoraInfra.Responder;

// `migrate` applies db/responder with an administrative connection (the pipeline's migration Job);
// anything else runs the service.
if (args.Length > 0 && args[0] == "migrate")
{
    var connection = Environment.GetEnvironmentVariable("KORA_RESPONDER_MIGRATION_CONNECTION");
    var directory = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "db", "responder");
    if (string.IsNullOrWhiteSpace(connection))
    {
        await Console.Error.WriteLineAsync("KORA_RESPONDER_MIGRATION_CONNECTION is not set; expected the kora database's administrative connection string (after db/migrations)");
        return 2;
    }

    try
    {
        var result = SchemaMigrator.Migrate(connection, directory, Console.WriteLine, ResponderSchema.ChangelogTable);
        Console.WriteLine($"applied {result.Applied.Count} responder migration(s)");
        return 0;
    }
    catch (MigrationRefusedException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 1;
    }
}

WebApplication app;
try
{
    app = ResponderApp.Build(args);
}
catch (Exception ex) when (ex is ResponderSettingsException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

await app.RunAsync();
return 0;
