using System.CommandLine;
using KoraInfra.Platform.Database;

namespace KoraInfra.Cli.Commands.Db;

/// <summary><c>kora db verify</c>: the RLS security check; non-zero exit when it finds anything.</summary>
public static class DbVerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var connection = DatabaseConnection.Option();
        var allowed = new Option<string[]>("--allow-privileged-role")
        {
            Description = $"A role allowed to be SUPERUSER/BYPASSRLS (repeatable; default: {string.Join(", ", DatabaseRoles.ExpectedPrivileged)}).",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("verify", "Check row level security: tenant tables without ENABLE+FORCE, policies or WITH CHECK; privileged roles; objects owned by the app role; views without security_invoker.")
        {
            connection,
            allowed,
        };
        command.SetAction(parse =>
        {
            var connectionString = DatabaseConnection.Resolve(parse.GetValue(connection));
            var roles = parse.GetValue(allowed) is { Length: > 0 } given ? given : null;
            var findings = DatabaseConnection.Reach(connectionString, () => RlsVerifier.VerifyAsync(connectionString, roles).GetAwaiter().GetResult());
            var output = parse.InvocationConfiguration.Output;
            foreach (var finding in findings)
            {
                output.WriteLine($"FAIL  {finding}");
            }

            output.WriteLine(findings.Count == 0
                ? $"ok    {DatabaseConnection.Describe(connectionString)}: no row level security weakness found"
                : $"{findings.Count} row level security weakness(es) in {DatabaseConnection.Describe(connectionString)}");
            return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
