using System.CommandLine;
using System.Globalization;
using KoraInfra.Cli.Output;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Verification;
using KoraInfra.Platform.Verification.FaultInjection;

namespace KoraInfra.Cli.Commands.Verification;

/// <summary>
/// <c>kora drill chaos --experiment NAME</c>: checks the steady state in Prometheus, starts the
/// experiment (Chaos Mesh through kubectl, or the Azure failover), samples it, ends it (always),
/// waits for the steady state to return, and writes the signed fault-injection record where the
/// RC gate reads it. Staging only. <c>--dry-run</c> prints what would be applied and the hypotheses.
/// </summary>
public static class ChaosCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(KoraServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var experiment = new Option<string>("--experiment") { Description = "The experiment: " + FaultExperimentNames.Expected + ".", Required = true };
        var prometheusUrl = new Option<string?>("--prometheus-url") { Description = "Prometheus's base URL (its HTTP API answers under /api/v1/query), e.g. http://prometheus-operated.monitoring:9090." };
        var kubeContext = new Option<string?>("--kube-context") { Description = "The kubeconfig context of the staging cluster (default: the current context)." };
        var kubectl = new Option<string>("--kubectl") { Description = "The kubectl to run.", DefaultValueFactory = _ => "kubectl" };
        var az = new Option<string>("--az") { Description = "The Azure CLI to run (postgres-failover).", DefaultValueFactory = _ => "az" };
        var subscription = new Option<string?>("--subscription") { Description = "The Azure subscription id of the PostgreSQL server (postgres-failover; default: $AZURE_SUBSCRIPTION_ID)." };
        var duration = new Option<double>("--duration-minutes") { Description = "How long the fault lasts (1 to 15).", DefaultValueFactory = _ => 5 };
        var sample = new Option<double>("--sample-seconds") { Description = "How often Prometheus is read during and after the fault.", DefaultValueFactory = _ => ChaosDrillRequest.DefaultSampleInterval.TotalSeconds };
        var recovery = new Option<double>("--recovery-minutes") { Description = "How long after the fault the steady state has to return.", DefaultValueFactory = _ => ChaosDrillRequest.DefaultRecoveryTimeout.TotalMinutes };
        var stack = new Option<string>("--stack") { Description = "The stack (staging only).", DefaultValueFactory = _ => "staging" };
        var commit = new Option<string>("--commit") { Description = "The commit (40 hex) of the artifact running.", Required = true };
        var rc = new Option<string>("--rc") { Description = "The release candidate running (vX.Y.Z-rc.N).", Required = true };
        var images = new Option<string[]>("--image") { Description = "An image running, by digest (repeat for each).", Required = true, AllowMultipleArgumentsPerToken = true };
        var keyFile = new Option<string?>("--key-file") { Description = $"PEM private key that signs the record, outside the repository (default: ${ReleaseSigningKey.SigningKeyVariable})." };
        var projectDir = new Option<string?>("--project-dir") { Description = "The directory holding Pulumi.yaml; the record is written under its releases/staging/evidence/<rc>/." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resource (or request) and the hypotheses; start nothing, write nothing." };
        var chaos = new Command("chaos", "Fault injection in staging: steady state before, during and after a Chaos Mesh experiment or a PostgreSQL failover, as a signed record.")
        {
            experiment, prometheusUrl, kubeContext, kubectl, az, subscription, duration, sample, recovery, stack, commit, rc, images, keyFile, projectDir, dryRun,
        };
        chaos.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(experiment)!;
            var stackName = parse.GetValue(stack)!;
            if (FaultExperiments.OutsideStaging(stackName) is { } outside)
            {
                throw new UsageException(outside);
            }

            if (!FaultExperimentNames.ByName.TryGetValue(name, out var kind))
            {
                throw new UsageException($"--experiment '{name}' is not an experiment; expected one of {FaultExperimentNames.Expected}");
            }

            var run = Binding(parse.GetValue(commit)!, parse.GetValue(rc)!, parse.GetValue(images) ?? []);
            var dir = ProjectDirectory.Resolve(parse.GetValue(projectDir));
            var settings = Settings(dir, stackName);
            var started = services.Time.GetUtcNow();
            var options = new FaultExperimentOptions(
                Minutes(parse.GetValue(duration), "--duration-minutes"),
                started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture),
                parse.GetValue(subscription) ?? Environment.GetEnvironmentVariable("AZURE_SUBSCRIPTION_ID"));
            var decision = FaultExperiments.Decide(settings, kind, options);
            var planned = decision.Experiment ?? throw new UsageException($"--experiment {name} refused for {stackName}: {decision.Refusal}");
            var hypotheses = SteadyStateHypotheses.For(settings.Monitoring);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(dryRun))
            {
                output.Write(planned.Rendered);
                output.WriteLine($"# steady state (before, during, after; recovery within {parse.GetValue(recovery).ToString(CultureInfo.InvariantCulture)} min):");
                hypotheses.ToList().ForEach(h => output.WriteLine($"#   {h.Query} <= {h.Maximum.ToString(CultureInfo.InvariantCulture)} {h.Unit}  ({h.Source})"));
                return ExitCodes.Ok;
            }

            var prometheus = PrometheusUrl(parse.GetValue(prometheusUrl));
            var request = new ChaosDrillRequest(
                stackName, run.Commit, run.Rc, run.Images, hypotheses,
                Seconds(parse.GetValue(sample), "--sample-seconds"),
                Minutes(parse.GetValue(recovery), "--recovery-minutes", ceiling: 120));
            using var key = ReleaseFiles.LoadKey(parse.GetValue(keyFile), ReleaseSigningKey.SigningKeyVariable, dir);
            IFaultInjector injector = planned.Chaos is null
                ? new AzureFailoverInjector(parse.GetValue(az)!)
                : new KubectlFaultInjector(parse.GetValue(kubectl)!, parse.GetValue(kubeContext));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            ChaosDrillOutcome outcome;
            try
            {
                outcome = await Progress.RunAsync(services.Terminal, output, $"fault injection {planned.Name}: steady state before, during and after", () => ChaosDrill.RunAsync(request, planned, injector, new PrometheusHttpQuery(prometheus, http), services.Time, ct)).ConfigureAwait(false);
            }
            catch (FaultInjectorException ex)
            {
                throw new UsageException($"{planned.Name}: nothing was started: {ex.Message}", ex);
            }
            catch (PrometheusUnavailableException ex) when (ex.NotPrometheus)
            {
                throw new UsageException($"--prometheus-url: {ex.Message}; nothing was started", ex);
            }
            catch (PrometheusUnavailableException ex)
            {
                throw new DependencyUnavailableException($"{ex.Message}; the steady state could not be checked, nothing was started", ex);
            }

            var record = outcome.Record;
            var relative = EvidenceStoreLayout.PathOf(record);
            var full = ReleaseFiles.Full(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, EvidenceSigner.Sign(record, key), ct).ConfigureAwait(false);
            output.WriteLine($"{(record.Passed ? "PASS" : "FAIL")}  fault injection {planned.Name} ({record.Driver}): signed record {relative}");
            record.Measurements.ToList().ForEach(m => output.WriteLine($"  {m.Name} = {m.Value.ToString(CultureInfo.InvariantCulture)} {m.Unit}" + (m.Maximum is { } max ? $" (max {max.ToString(CultureInfo.InvariantCulture)})" : string.Empty)));
            record.Reasons.ToList().ForEach(r => output.WriteLine("  " + r));
            return outcome.PrometheusLost ? ExitCodes.Unavailable : record.Passed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return chaos;
    }

    private static (string Commit, ReleaseVersion Rc, IReadOnlyList<ImageReference> Images) Binding(string commit, string rc, string[] images)
    {
        if (commit.Length != 40 || !commit.All(char.IsAsciiHexDigitLower))
        {
            throw new UsageException($"--commit '{commit}': expected the 40 lowercase hex of the artifact's commit");
        }

        var version = ReleaseVersion.TryParse(rc) is { IsReleaseCandidate: true } v ? v : throw new UsageException($"--rc '{rc}': expected a release candidate, vX.Y.Z-rc.N");
        var running = images.Select(i => ImageReference.TryParse(i) ?? throw new UsageException($"--image '{i}': expected {ImageReference.Expected}")).ToList();
        return (commit, version, running);
    }

    internal static StackSettings Settings(string projectDir, string stack)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"{file} does not exist; expected the stack file of '{stack}' in the project directory (--project-dir)");
        }

        var result = StackFiles.Validate(file);
        return result.Settings ?? throw new UsageException($"{Path.GetFileName(file)} is invalid, so no experiment can be decided from it: {string.Join("; ", result.Problems)} (kora validate --stack {stack})");
    }

    private static Uri PrometheusUrl(string? value)
    {
        if (value is null)
        {
            throw new UsageException("--prometheus-url is required unless --dry-run: the steady state is read from Prometheus's HTTP API; expected e.g. http://prometheus-operated.monitoring:9090");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"--prometheus-url '{value}': expected an absolute http(s) URL, e.g. http://prometheus-operated.monitoring:9090");
    }

    private static TimeSpan Minutes(double value, string option, double ceiling = double.MaxValue) =>
        value > 0 && value <= ceiling && double.IsFinite(value)
            ? TimeSpan.FromMinutes(value)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected a positive number of minutes") + (ceiling < double.MaxValue ? string.Create(CultureInfo.InvariantCulture, $", at most {ceiling}") : string.Empty));

    private static TimeSpan Seconds(double value, string option) =>
        value >= 1 && value <= 300 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected 1 to 300 seconds"));
}
