using System.CommandLine;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora evidence verify FILE</c>: checks a signed evidence record's signature, its kind and,
/// for each expectation given, its binding (stack, commit, RC, images). Exit 0 only for a genuine,
/// bound record of a check that passed.
/// </summary>
public static class EvidenceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        var file = new Argument<string>("file") { Description = "The signed evidence record (DSSE envelope, *.dsse.json)." };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM public key that verifies release documents (default: ${ReleaseSigningKey.VerificationKeyVariable})." };
        var kind = new Option<string?>("--kind") { Description = "The kind the record must be: " + string.Join(", ", VerificationNames.ByName.Keys) + "." };
        var stack = new Option<string>("--stack") { Description = "The stack the check must have run in.", DefaultValueFactory = _ => "staging" };
        var commit = new Option<string?>("--commit") { Description = "The commit (40 hex) the check must have run against." };
        var rc = new Option<string?>("--rc") { Description = "The release candidate (vX.Y.Z-rc.N) the check must have run against." };
        var images = new Option<string[]>("--image") { Description = "An image by digest the check must have run against (repeat for each; the set must match exactly).", AllowMultipleArgumentsPerToken = true };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml (default: found from the working directory)." };
        var verify = new Command("verify", "Verify a signed evidence record: signature, kind, and its binding to a release.")
        {
            file, keyFile, kind, stack, commit, rc, images, projectDir,
        };
        verify.SetAction(parse => Verify(
            parse.GetValue(file)!,
            parse.GetValue(keyFile),
            new Expectations(parse.GetValue(kind), parse.GetValue(stack)!, parse.GetValue(commit), parse.GetValue(rc), parse.GetValue(images) ?? []),
            ProjectDirectory.Resolve(parse.GetValue(projectDir)),
            parse.InvocationConfiguration.Output));
        return new Command("evidence", "Signed evidence records of the staging checks (restore drill, fault injection, load, soak, smoke).") { verify, FromK6Command.Create(services) };
    }

    private static int Verify(string path, string? keyFile, Expectations expected, string projectDir, TextWriter output)
    {
        var text = ReleaseFiles.ReadText(path, "evidence record");
        using var key = ReleaseFiles.LoadKey(keyFile, ReleaseSigningKey.VerificationKeyVariable, projectDir);
        var verification = EvidenceVerifier.Verify(Path.GetFileName(path), text, key);
        if (verification.Record is not { } record)
        {
            output.WriteLine($"REFUSED  {path}: {verification.Refusal}");
            return ExitCodes.Findings;
        }

        var problems = expected.Problems(record);
        var summary = $"{VerificationNames.Of(record.Kind)} in {record.Stack}, commit {record.Commit[..12]}, RC {record.ReleaseCandidate}, {record.StartedAt:O} .. {record.FinishedAt:O}, driver {record.Driver}";
        if (problems.Count > 0)
        {
            output.WriteLine($"UNBOUND  {path}: signed and well formed ({summary}), but:");
            problems.ForEach(p => output.WriteLine("  " + p));
            return ExitCodes.Findings;
        }

        output.WriteLine($"{(record.Passed ? "PASS" : "FAILED")}  {path}: genuine record ({summary})");
        record.Measurements.ToList().ForEach(m => output.WriteLine($"  {m.Name} = {m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {m.Unit}" + (m.Maximum is { } max ? $" (max {max.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : string.Empty)));
        record.Reasons.ToList().ForEach(r => output.WriteLine("  reason: " + r));
        return record.Passed ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private sealed record Expectations(string? Kind, string Stack, string? Commit, string? Rc, string[] Images)
    {
        public List<string> Problems(EvidenceRecord record)
        {
            var problems = new List<string>();
            if (Kind is not null)
            {
                if (!VerificationNames.ByName.TryGetValue(Kind, out var kind))
                {
                    throw new UsageException($"--kind '{Kind}' is not a check; expected one of {string.Join(", ", VerificationNames.ByName.Keys)}");
                }

                if (record.Kind != kind)
                {
                    problems.Add($"a '{VerificationNames.Of(record.Kind)}' record, not the expected '{Kind}'");
                }
            }

            var releaseCandidate = Rc is null ? record.ReleaseCandidate : ReleaseVersion.TryParse(Rc) ?? throw new UsageException($"--rc '{Rc}' is not a release version; expected {ReleaseVersion.Expected}");
            var imageSet = Images.Length == 0 ? record.Images : Images.Select(i => ImageReference.TryParse(i) ?? throw new UsageException($"--image '{i}': expected {ImageReference.Expected}")).ToList();
            var binding = new EvidenceBinding(Stack, Commit ?? record.Commit, releaseCandidate, imageSet, null);
            problems.AddRange(binding.Problems(record));
            return problems;
        }
    }
}
