using System.CommandLine;
using KoraInfra.Cli.Commands.Rotation;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora rotation check | record | pending</c>: the rotation run of the pipeline. Before <c>up</c>,
/// <c>check</c> refuses anything but the release the stack runs; after a successful <c>up</c>,
/// <c>record</c> appends the rotation (what was applied where, when) to the deploy audit log;
/// <c>pending</c> is the compromised-credential check against those records. The log is the one
/// the stack's settings name, never a path given on the command line; every entry is signed with
/// the release key and the log must extend the head the release store holds. Dev keeps no
/// deploy audit log: it runs no release manifest, records nothing, and has no rotation records.
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
            RedisKeysCommand.Create(services),
        };
    }

    private sealed record Common(Option<string> Stack, Option<string?> KeyFile, AnchorOptions Anchor, Option<string?> Dir)
    {
        public static Common For(bool signs) => new(
            new Option<string>("--stack") { Description = "The stack: dev, staging or prod.", Required = true },
            new Option<string?>("--key-file")
            {
                Description = signs
                    ? $"PEM private key that signs the audit entry, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable}); not needed for dev."
                    : $"PEM public key that verifies the audit log (default: ${ReleaseSigningKey.VerificationKeyVariable}); not needed for dev.",
            },
            new AnchorOptions(),
            new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." });

        public string KeyVariable { get; init; } = ReleaseSigningKey.VerificationKeyVariable;

        public Command AddTo(Command command)
        {
            command.Options.Add(Stack);
            command.Options.Add(KeyFile);
            command.Options.Add(Dir);
            Anchor.AddTo(command);
            return command;
        }

        public RotationInputs Load(ParseResult parse, TimeProvider time) =>
            RotationInputs.Load(parse.GetValue(Stack)!, parse.GetValue(KeyFile), KeyVariable, Anchor.From(parse), parse.GetValue(Dir), time);
    }

    private static Command Check(TimeProvider time)
    {
        var common = Common.For(signs: false);
        var command = common.AddTo(new Command("check", "Refuse a rotation run that would apply anything but the release the stack runs; print the commit to check out."));
        command.SetAction(parse =>
        {
            using var inputs = common.Load(parse, time);
            var output = parse.InvocationConfiguration.Output;
            if (inputs.RefusesLog(output))
            {
                return ExitCodes.Findings;
            }

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
        var common = Common.For(signs: true) with { KeyVariable = ReleaseSigningKey.SigningKeyVariable };
        var who = new Option<string>("--who") { Description = "Who ran the rotation (the pipeline actor).", Required = true };
        var commit = new Option<string>("--commit") { Description = "The commit the up ran from.", Required = true };
        var server = new Option<string>("--database-server") { Description = "The PostgreSQL server the rotation Job applied the logins to (host name).", Required = true };
        var command = common.AddTo(new Command("record", "After a successful up: append the rotation to the deploy audit log (secret, version, applied where, when), signed with the release key.") { who, commit, server });
        command.SetAction(parse =>
        {
            if (string.IsNullOrWhiteSpace(parse.GetValue(who)) || string.IsNullOrWhiteSpace(parse.GetValue(commit)))
            {
                throw new UsageException("--who and --commit must not be empty");
            }

            using var inputs = common.Load(parse, time);
            var output = parse.InvocationConfiguration.Output;
            if (inputs.Log is not { } log)
            {
                // Dev is ephemeral and runs no release: there is no log to prove rotations in.
                output.WriteLine($"ok: {inputs.Stack} keeps no deploy audit log (no kora-infra:promotion); nothing was recorded");
                return ExitCodes.Ok;
            }

            if (inputs.RefusesLog(output))
            {
                return ExitCodes.Findings;
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
            var entry = log.Append(RotationReapply.Entry(inputs.Stack, running, parse.GetValue(who)!, parse.GetValue(commit)!, records));
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
        var common = Common.For(signs: false);
        var evidenceOut = new Option<string?>("--evidence-out") { Description = "Also write the pending credentials as the promotion evidence part (JSON)." };
        var command = common.AddTo(new Command("pending", "Compromised credentials with no rotation record newer than their report (exit 1 while any is pending).") { evidenceOut });
        command.SetAction(parse =>
        {
            using var inputs = common.Load(parse, time);
            var output = parse.InvocationConfiguration.Output;
            if (inputs.RefusesLog(output))
            {
                return ExitCodes.Findings;
            }

            var pending = RotationRecords.Pending(inputs.Settings.Secrets.CompromisedCredentials, inputs.Records);
            foreach (var credential in pending)
            {
                output.WriteLine("PENDING  " + CompromisedCredentialCheck.Describe(credential) + (inputs.Log is null
                    ? $" ({inputs.Stack} keeps no rotation records: remove it from kora-infra:compromisedCredentials in {StackFiles.FileName(inputs.Stack)} once it is replaced)"
                    : " (no rotation record after the report)"));
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
