using System.CommandLine;
using System.Globalization;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Input;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.Load;
using KoraInfra.Platform.Verification.Smoke;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora evidence from-k6 --kind load|soak|smoke-runtime SUMMARY.json</c>: turns the summary a
/// k6 Job wrote (<c>--summary-export</c>) into a signed record judged against the stack's
/// <c>kora-infra:verification</c> (load, soak) or the smoke steps (health, list, execute).
/// </summary>
internal static class FromK6Command
{
    private static readonly string[] Kinds = [VerificationNames.Of(VerificationKind.Load), VerificationNames.Of(VerificationKind.Soak), VerificationNames.Of(VerificationKind.SmokeRuntime)];

    public static Command Create(KoraServices services)
    {
        var summary = new Argument<string>("summary") { Description = "The k6 summary (k6 run --summary-export FILE, or handleSummary's JSON)." };
        var kind = new Option<string>("--kind") { Description = "What the run was: " + string.Join(", ", Kinds) + ".", Required = true };
        var stack = new Option<string>("--stack") { Description = "The stack it ran in (its kora-infra:verification judges it).", DefaultValueFactory = _ => "staging" };
        var commit = new Option<string>("--commit") { Description = "The commit (40 hex) of the artifact running.", Required = true };
        var rc = new Option<string>("--rc") { Description = "The release candidate running (vX.Y.Z-rc.N).", Required = true };
        var images = new Option<string[]>("--image") { Description = "An image running, by digest (repeat for each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var started = new Option<string>("--started-at") { Description = "When the Job was started, UTC ISO 8601 (the pipeline notes it just before).", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs the record, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml; the record is written under its releases/staging/evidence/<rc>/." };
        var command = new Command("from-k6", "Judge a k6 load, soak or smoke summary and write its signed record.")
        {
            summary, kind, stack, commit, rc, images, started, keyFile, projectDir,
        };
        command.SetAction(parse =>
        {
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var kindName = parse.GetValue(kind)!;
            if (!Kinds.Contains(kindName))
            {
                throw new UsageException($"--kind '{kindName}': a k6 summary makes one of {string.Join(", ", Kinds)}");
            }

            var checkKind = VerificationNames.ByName[kindName];
            var stackName = parse.GetValue(stack)!;
            var settings = VerificationInputs.Settings(stackName, dir);
            var startedText = parse.GetValue(started)!;
            if (!DateTimeOffset.TryParse(startedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var startedAt))
            {
                throw new UsageException($"--started-at '{startedText}': expected a UTC time such as 2026-03-02T13:55:00Z");
            }

            var finishedAt = services.Time.GetUtcNow();
            if (startedAt > finishedAt)
            {
                throw new UsageException($"--started-at {startedAt:O} is in the future (now {finishedAt:O}); expected when the Job was started");
            }

            var path = parse.GetValue(summary)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"k6 summary '{path}' does not exist; expected the file the Job wrote with --summary-export");
            }

            var read = K6Summary.Read(BoundedInput.ReadFile(path, K6Summary.Limits), path);
            if (read.RunDuration is { } lasted && lasted > finishedAt - startedAt + TimeSpan.FromMinutes(1))
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{path} reports a run of {lasted.TotalSeconds:0} s, longer than the {(finishedAt - startedAt).TotalSeconds:0} s since --started-at {startedAt:O}: it is not the summary of this run"));
            }

            var run = new CheckRun(stackName, parse.GetValue(commit)!, VerificationInputs.Rc(parse.GetValue(rc)), VerificationInputs.Images(parse.GetValue(images)), startedAt, finishedAt);
            var record = checkKind switch
            {
                VerificationKind.Load => LoadJudgement.Judge(checkKind, read, settings.Load, run),
                VerificationKind.Soak => LoadJudgement.Judge(checkKind, read, settings.Soak, run),
                _ => SmokeJudgement.Judge(read, run),
            };
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            return RecordOutput.Write(record, key, dir, $"{kindName} (k6)", parse.InvocationConfiguration.Output);
        });
        return command;
    }
}
