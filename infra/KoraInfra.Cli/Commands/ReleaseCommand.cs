using System.CommandLine;
using System.Security.Cryptography;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Plan;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands;

/// <summary>
/// <c>kora release bind-plan</c> / <c>kora release verify-plan</c>: after promotion, the plan
/// <c>pulumi preview --save-plan</c> saved for the stack is signed together with the hash of the
/// manifest the stack runs; <c>pulumi up --plan</c> runs only when that binding verifies, and
/// the check, passed or refused, is an entry of the deploy audit log.
/// </summary>
public static class ReleaseCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("release", "The approved plan of a promoted release, and the SBOMs bound to its manifest.") { BindPlan(services.Time), VerifyPlan(services.Time), Sbom.ReleaseSbomCommand.Create(), Sbom.ReleaseVerifyCommand.Create() };
    }

    private static Command BindPlan(TimeProvider time)
    {
        var (stack, plan, binding, keyFile, projectDir) = Options($"PEM private key that signs the binding, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable}).");
        var who = new Option<string>("--who") { Description = "Who binds the plan (the pipeline actor).", Required = true };
        var command = new Command("bind-plan", "Sign the saved plan's hash bound to the release manifest the stack runs.") { stack, plan, binding, who, keyFile, projectDir };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var name = Stack(parse.GetValue(stack)!);
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            var (manifest, _, manifestSha) = CurrentManifest(dir, name, key);
            var release = manifest.Label;
            var planSha = PlanBindings.Sha256Of(ReadBytes(parse.GetValue(plan)!, "plan file"));
            var boundBy = parse.GetValue(who)!;
            if (string.IsNullOrWhiteSpace(boundBy))
            {
                throw new UsageException("--who is empty; expected who binds the plan (the pipeline actor)");
            }

            var envelope = PlanBindings.Sign(new PlanBinding { Stack = name, Release = release, ManifestSha256 = manifestSha, PlanSha256 = planSha, BoundAt = time.GetUtcNow(), BoundBy = boundBy }, key);
            var path = parse.GetValue(binding)!;
            File.WriteAllText(path, envelope);
            parse.InvocationConfiguration.Output.WriteLine($"bound plan {planSha} to {release} on {name} ({manifestSha}): {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command VerifyPlan(TimeProvider time)
    {
        var (stack, plan, binding, keyFile, projectDir) = Options($"PEM private key that signs the audit entry (its public half verifies the binding), outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable}).");
        var who = new Option<string>("--who") { Description = "Who applies the plan (the pipeline actor), recorded in the audit log.", Required = true };
        var anchor = new AnchorOptions();
        var command = new Command("verify-plan", "Exit 0 only if the binding is signed by the release key for this plan and the manifest the stack runs; the check is audited either way.") { stack, plan, binding, who, keyFile, projectDir };
        anchor.AddTo(command);
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var name = Stack(parse.GetValue(stack)!);
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            var output = parse.InvocationConfiguration.Output;
            var settings = AuditLogAccess.Settings(dir, name);
            var log = AuditLogAccess.Open(ReleaseFiles.Full(dir, settings.AuditLog), time, key);
            var verification = AuditLogAccess.Verify(log, anchor.From(parse));
            if (!verification.IsIntact)
            {
                output.WriteLine($"refused: the deploy audit log {settings.AuditLog} failed verification; do not run 'pulumi up --plan':");
                verification.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
                return ExitCodes.Findings;
            }

            var (manifest, relative, manifestSha) = CurrentManifest(dir, name, key);
            var planSha = PlanBindings.Sha256Of(ReadBytes(parse.GetValue(plan)!, "plan file"));
            var refusal = PlanBindings.Refusal(ReleaseFiles.ReadText(parse.GetValue(binding)!, "plan binding"), key, name, manifestSha, planSha);
            var entry = log.Append(new DeployAuditEntry
            {
                Sequence = 0,
                At = default,
                Who = parse.GetValue(who)!,
                Stack = name,
                Action = DeployAction.PlanCheck,
                Release = manifest.Label,
                Commit = manifest.Commit,
                Images = manifest.Images.Select(i => i.ToString()).ToList(),
                Result = refusal is null ? DeployResult.Admitted : DeployResult.Refused,
                Reason = refusal is null ? $"plan {planSha}" : refusal,
                Manifest = relative,
                ManifestSha256 = manifestSha,
            });
            if (refusal is not null)
            {
                output.WriteLine($"refused: the plan binding does not verify: {refusal}; do not run 'pulumi up --plan'; audit entry {entry.Sequence} records the refusal");
                return ExitCodes.Findings;
            }

            output.WriteLine($"plan binding verified: plan {planSha} is the approved plan of {manifest.Label} on {name}; audit entry {entry.Sequence}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (Option<string> Stack, Option<string> Plan, Option<string> Binding, Option<string?> KeyFile, Option<string?> ProjectDir) Options(string keyDescription) => (
        new Option<string>("--stack") { Description = "The stack: staging or prod.", Required = true },
        new Option<string>("--plan") { Description = "The plan file 'pulumi preview --save-plan' wrote.", Required = true },
        new Option<string>("--binding") { Description = "The signed plan binding (DSSE envelope) file.", Required = true },
        new Option<string?>("--key-file") { Description = keyDescription },
        new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." });

    private static string Stack(string stack) =>
        StackNames.TryParse(stack, out var environment) && EnvironmentProfiles.For(environment).RequiresReleaseManifest
            ? stack
            : throw new UsageException($"stack '{stack}' deploys no release manifest; expected 'staging' or 'prod'");

    // The release the stack runs: the manifest its kora-infra:release names, verified for the stack.
    private static (ReleaseManifest Manifest, string Path, string ManifestSha256) CurrentManifest(string projectDir, string stack, ECDsa key)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        var result = StackFiles.Validate(file);
        if (result.Settings is not { } settings)
        {
            throw new UsageException($"{Path.GetFileName(file)} is invalid: {string.Join("; ", result.Problems)}");
        }

        if (settings.ReleaseManifestPath is not { } relative)
        {
            throw new UsageException($"{stack} names no release ('kora-infra:release' is not set): run 'kora promote' first; a plan binds only a promoted release");
        }

        var envelope = ReleaseFiles.ReadText(ReleaseFiles.Full(projectDir, relative), "release manifest");
        var verification = ReleaseManifestVerifier.Verify(envelope, key, stack);
        return verification.Manifest is { } manifest
            ? (manifest, relative, ReleaseFiles.Sha256Of(envelope))
            : throw new UsageException($"the release manifest '{relative}' of {stack} does not verify: {verification.Refusal}");
    }

    private static byte[] ReadBytes(string path, string what) =>
        File.Exists(path) ? File.ReadAllBytes(path) : throw new UsageException($"{what} '{path}' does not exist");
}
