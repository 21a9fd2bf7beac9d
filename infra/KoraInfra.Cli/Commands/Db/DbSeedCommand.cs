using System.CommandLine;
using KoraInfra.Cli.Output;
using KoraInfra.Platform.Database.Seed;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Cli.Commands.Db;

/// <summary><c>kora db seed --stack dev|staging</c>: resets and loads deterministic synthetic tenant data.</summary>
public static class DbSeedCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = DatabaseConnection.Option();
        var stack = new Option<string>("--stack") { Description = "The environment being seeded: dev (fixtures) or staging (masked + synthetic, reset). prod is refused.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed loads the same data, byte for byte.", DefaultValueFactory = _ => 1 };
        var tenants = new Option<int>("--tenants") { Description = "How many synthetic tenants (1-100).", DefaultValueFactory = _ => 3 };
        var command = new Command("seed", "Reset the tenant tables and load deterministic synthetic data (refuses prod).")
        {
            connection,
            stack,
            seed,
            tenants,
        };
        command.SetAction(parse =>
        {
            var stackName = parse.GetValue(stack)!;
            if (!StackNames.TryParse(stackName, out var environment))
            {
                throw new UsageException($"unknown stack '{stackName}'; expected {StackNames.Expected}");
            }

            var count = parse.GetValue(tenants);
            if (count is < 1 or > 100)
            {
                throw new UsageException($"--tenants {count} is out of range; expected 1 to 100");
            }

            SeedMode mode;
            string connectionString;
            try
            {
                mode = SeedPolicy.ModeFor(EnvironmentProfiles.For(environment));
                connectionString = DatabaseConnection.Resolve(parse.GetValue(connection));
                SeedPolicy.EnsureNotProdServer(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host ?? string.Empty);
            }
            catch (SeedRefusedException ex)
            {
                throw new UsageException(ex.Message);
            }

            var size = new SeedSize(Tenants: count);
            var dataset = SyntheticDataGenerator.Generate(parse.GetValue(seed), size, mode);
            Progress.Run(services.Terminal, parse.InvocationConfiguration.Output, $"seeding {DatabaseConnection.Describe(connectionString)} ({dataset.Tenants.Count} tenants)", () =>
                DatabaseConnection.Reach(connectionString, () =>
                {
                    DatabaseSeeder.SeedAsync(connectionString, dataset).GetAwaiter().GetResult();
                    return 0;
                }));
            parse.InvocationConfiguration.Output.WriteLine(
                $"seeded {DatabaseConnection.Describe(connectionString)} ({mode}, seed {parse.GetValue(seed)}): {dataset.Tenants.Count} tenants, {dataset.Contacts.Count} contacts, {dataset.Flows.Count} flows, {dataset.FlowExecutions.Count} flow executions");
            return ExitCodes.Ok;
        });
        return command;
    }
}
