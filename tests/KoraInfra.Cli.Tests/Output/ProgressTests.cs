using KoraInfra.Cli.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Cli.Tests.Output;

/// <summary>Long database steps show a status on a terminal; piped, the output is exactly the plain lines.</summary>
[Collection(UsesPostgres.Name)]
public sealed class ProgressTests(ThrowawayPostgres postgres)
{
    private const string Escape = "\u001b[";

    [Fact]
    public void Migrate_on_a_terminal_shows_the_step_then_the_same_result_lines()
    {
        var db = postgres.CreateDatabase(migrated: false);

        var run = Kora.OnTerminal("db", "migrate", "--connection", db, "--migrations", postgres.MigrationsDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        Assert.Contains("applying migrations to ", run.Output, StringComparison.Ordinal);
        Assert.Contains(Escape, run.Output, StringComparison.Ordinal);
        Assert.Contains("applied  V1__roles.sql", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_piped_prints_only_the_plain_lines()
    {
        var db = postgres.CreateDatabase(migrated: false);

        var run = Kora.Run("db", "migrate", "--connection", db, "--migrations", postgres.MigrationsDirectory);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("applying migrations", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Escape, run.Output, StringComparison.Ordinal);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.All(lines[..^1], l => Assert.StartsWith("applied  V", l, StringComparison.Ordinal));
        Assert.EndsWith($"{lines.Length - 1} migration(s) applied to {lines[^1].Split(" applied to ")[1]}", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_on_a_terminal_shows_the_step_and_piped_does_not()
    {
        var db = postgres.CreateDatabase();

        var terminal = Kora.OnTerminal("db", "seed", "--stack", "dev", "--tenants", "2", "--connection", db);
        var piped = Kora.Run("db", "seed", "--stack", "dev", "--tenants", "2", "--connection", db);

        Assert.True(terminal.ExitCode == ExitCodes.Ok, terminal.All);
        Assert.Contains("seeding ", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("(2 tenants)", terminal.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, piped.ExitCode);
        Assert.StartsWith("seeded ", piped.Output, StringComparison.Ordinal);
        Assert.Single(piped.Output.TrimEnd('\n').Split('\n'));
        Assert.EndsWith(piped.Output, terminal.Output, StringComparison.Ordinal);
    }
}
