using System.CommandLine;
using KoraInfra.Cli.Output;
using KoraInfra.Platform.Database;

namespace KoraInfra.Cli.Commands.Db;

/// <summary><c>kora db migrate</c>: applies pending forward-only migrations.</summary>
public static class DbMigrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = DatabaseConnection.Option();
        var migrations = new Option<string?>("--migrations") { Description = "Directory of V<n>__<name>.sql files (default: db/migrations of the repository)." };
        var command = new Command("migrate", "Apply pending migrations (checksummed, under an advisory lock); an edited applied migration is refused.")
        {
            connection,
            migrations,
        };
        command.SetAction(parse => Run(
            DatabaseConnection.Resolve(parse.GetValue(connection)),
            parse.GetValue(migrations) ?? Path.Combine(ProjectDirectory.Resolve(null), "db", "migrations"),
            services.Terminal,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string connectionString, string migrationsDirectory, TerminalOutput? terminal, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(migrationsDirectory))
        {
            throw new UsageException($"--migrations '{migrationsDirectory}' does not exist; expected a directory of V<n>__<name>.sql files");
        }

        try
        {
            var result = Progress.Run(terminal, output, $"applying migrations to {DatabaseConnection.Describe(connectionString)}", () =>
                DatabaseConnection.Reach(connectionString, () => SchemaMigrator.Migrate(connectionString, migrationsDirectory)));
            foreach (var file in result.Applied)
            {
                output.WriteLine($"applied  {file}");
            }

            output.WriteLine(result.Applied.Count == 0
                ? $"{DatabaseConnection.Describe(connectionString)} is up to date"
                : $"{result.Applied.Count} migration(s) applied to {DatabaseConnection.Describe(connectionString)}");
            return ExitCodes.Ok;
        }
        catch (MigrationRefusedException ex)
        {
            error.WriteLine($"kora: {ex.Message}");
            return ExitCodes.Findings;
        }
    }
}
