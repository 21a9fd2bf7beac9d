using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Sbom;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Sbom;

/// <summary>
/// <c>kora release verify --stack S [--manifest FILE]</c>: the signed manifest the stack runs (or
/// the one given) verifies with the release key, and every SBOM it binds is in the release store
/// with the digest the manifest signed. Exit 0 only then; otherwise each problem is named.
/// </summary>
public static class ReleaseVerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var stack = new Option<string>("--stack") { Description = "The stack the manifest is for: staging or prod.", Required = true };
        var manifest = new Option<string?>("--manifest") { Description = "The signed manifest (default: the one the stack's kora-infra:release names)." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key of the release key (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml and the release store's files (default: found from the working directory)." };
        var command = new Command("verify", "Exit 0 only if the manifest verifies and every SBOM it binds is stored with the signed digest.") { stack, manifest, keyFile, projectDir };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var name = parse.GetValue(stack)!;
            if (!StackNames.TryParse(name, out var environment) || !EnvironmentProfiles.For(environment).RequiresReleaseManifest)
            {
                throw new UsageException($"stack '{name}' deploys no release manifest; expected 'staging' or 'prod'");
            }

            var relative = parse.GetValue(manifest) ?? ReleaseOf(dir, name);
            var envelope = ReleaseFiles.ReadText(ReleaseFiles.Full(dir, relative), "release manifest");
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.VerificationKeyVariable, dir);
            var output = parse.InvocationConfiguration.Output;
            var verification = ReleaseManifestVerifier.Verify(envelope, key, name);
            if (verification.Manifest is not { } verified)
            {
                output.WriteLine($"refused: the release manifest '{relative}' does not verify: {verification.Refusal}");
                return ExitCodes.Findings;
            }

            var sboms = verified.Sboms ?? [];
            var problems = SbomEvidence.FileProblems(sboms, ReleaseFiles.StoreReader(dir));
            if (problems.Count > 0)
            {
                output.WriteLine($"refused: the release manifest '{relative}' ({verified.Label}) binds SBOMs the release store does not hold intact:");
                problems.ToList().ForEach(p => output.WriteLine("  " + p));
                return ExitCodes.Findings;
            }

            sboms.ToList().ForEach(s => output.WriteLine($"PASS  sbom '{s.Name}' {s.Digest} describes {s.Subject}"));
            output.WriteLine($"verified: {verified.Label} on {name} ({relative}), {sboms.Count} SBOM(s) intact");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ReleaseOf(string projectDir, string stack)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        var result = StackFiles.Validate(file);
        if (result.Settings is not { } settings)
        {
            throw new UsageException($"{Path.GetFileName(file)} is invalid: {string.Join("; ", result.Problems)}");
        }

        return settings.ReleaseManifestPath
            ?? throw new UsageException($"{stack} names no release ('kora-infra:release' is not set); give --manifest or promote a release first");
    }
}
