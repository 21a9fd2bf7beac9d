using System.CommandLine;
using KoraInfra.Cli.Commands.Rotation;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Secrets;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora rotation check | record | pending</c>: the rotation run of the pipeline. Before <c>up</c>,
/// <c>check</c> refuses anything but the release the stack runs; after a successful <c>up</c>,
/// <c>record</c> appends the rotation (what was applied where, when) to the deploy audit log;
/// <c>pending</c> is the compromised-credential check against those records.
/// </summary>
public static class RotationCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("rotation", "Credential rotation runs: re-apply the running release, record what was rotated, prove replacement of compromised credentials.")
        {
            Check(services.Time),
            Record(services.Time),
            Pending(services.Time),
        };
    }

    private static (Option<string> Stack, Option<string?> Log, Option<string?> Dir) Common() =>
        (new Option<string>("--stack") { Description = "The stack: dev, staging or prod.", Required = true },
         new Option<string?>("--audit-log") { Description = $"The deploy audit log (default: {ReleaseFiles.DefaultAuditLog} in the project)." },
         new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." });

    private static Command Check(TimeProvider time)
    {
        var (stack, log, dir) = Common();
        var command = new Command("check", "Refuse a rotation run that would apply anything but the release the stack runs; print the commit to check out.") { stack, log, dir };
        command.SetAction(parse =>
        {
            var inputs = RotationInputs.Load(parse.GetValue(stack)!, parse.GetValue(log), parse.GetValue(dir), time);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var running = RotationReapply.Check(inputs.Stack, inputs.Settings.ReleaseManifestPath, inputs.ManifestSha256(), inputs.Entries);
                output.WriteLine(running is null
                    ? $"ok: {inputs.Stack} runs no release manifest; the rotation re-applies the checked-out branch"
                    : $"ok: {inputs.Stack} re-applies {running.Release} ({running.Manifest}, audit entry {running.Sequence})");
                if (running is not null)
                {
                    output.WriteLine($"commit={running.Commit}");
                }

                return ExitCodes.Ok;
            }
            catch (ReleaseRefusedException ex)
            {
                output.WriteLine("refused: " + ex.Message);
                return ExitCodes.Findings;
            }
        });
        return command;
    }

    private static Command Record(TimeProvider time)
    {
        var (stack, log, dir) = Common();
        var who = new Option<string>("--who") { Description = "Who ran the rotation (the pipeline actor).", Required = true };
        var commit = new Option<string>("--commit") { Description = "The commit the up ran from.", Required = true };
        var server = new Option<string>("--database-server") { Description = "The PostgreSQL server the rotation Job applied the logins to (host name).", Required = true };
        var command = new Command("record", "After a successful up: append the rotation to the deploy audit log (secret, version, applied where, when).") { stack, log, dir, who, commit, server };
        command.SetAction(parse =>
        {
            var inputs = RotationInputs.Load(parse.GetValue(stack)!, parse.GetValue(log), parse.GetValue(dir), time);
            var output = parse.InvocationConfiguration.Output;
            if (string.IsNullOrWhiteSpace(parse.GetValue(who)) || string.IsNullOrWhiteSpace(parse.GetValue(commit)))
            {
                throw new UsageException("--who and --commit must not be empty");
            }

            Platform.Release.Audit.DeployAuditEntry? running;
            try
            {
                running = RotationReapply.Check(inputs.Stack, inputs.Settings.ReleaseManifestPath, inputs.ManifestSha256(), inputs.Entries);
            }
            catch (ReleaseRefusedException ex)
            {
                output.WriteLine("refused: " + ex.Message + "; nothing was recorded");
                return ExitCodes.Findings;
            }

            var now = time.GetUtcNow();
            var plan = SecretsPlan.For(inputs.Settings, time);
            var records = RotationRecords.ForUp(plan, inputs.Settings, parse.GetValue(server)!, inputs.Records, now);
            var entry = inputs.Log.Append(RotationReapply.Entry(inputs.Stack, running, parse.GetValue(who)!, parse.GetValue(commit)!, records));
            foreach (var record in records.Where(r => r.AppliedAt == now))
            {
                output.WriteLine($"rotated  {record.Secret} ({record.Version}) on {record.AppliedTo}");
            }

            output.WriteLine($"recorded rotation of {inputs.Stack} as audit entry {entry.Sequence} ({records.Count(r => r.AppliedAt == now)} new value(s), {records.Count} secret(s) at their current version)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pending(TimeProvider time)
    {
        var (stack, log, dir) = Common();
        var evidenceOut = new Option<string?>("--evidence-out") { Description = "Also write the pending credentials as the promotion evidence part (JSON)." };
        var command = new Command("pending", "Compromised credentials with no rotation record newer than their report (exit 1 while any is pending).") { stack, log, dir, evidenceOut };
        command.SetAction(parse =>
        {
            var inputs = RotationInputs.Load(parse.GetValue(stack)!, parse.GetValue(log), parse.GetValue(dir), time);
            var output = parse.InvocationConfiguration.Output;
            var pending = RotationRecords.Pending(inputs.Settings.Secrets.CompromisedCredentials, inputs.Records);
            foreach (var credential in pending)
            {
                output.WriteLine("PENDING  " + CompromisedCredentialCheck.Describe(credential) + " (no rotation record after the report)");
            }

            if (parse.GetValue(evidenceOut) is { } path)
            {
                File.WriteAllText(Path.GetFullPath(path), new CompromisedCredentialEvidence(pending).ToJson());
            }

            output.WriteLine(pending.Count == 0 ? $"ok: no compromised credential of {inputs.Stack} is pending" : $"{pending.Count} compromised credential(s) of {inputs.Stack} pending");
            return pending.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
