using System.Text;
using KoraInfra.Platform.Policy.Snapshots;

namespace KoraInfra.Platform.Policy.Reports;

/// <summary>
/// Runs a report's code once on a small built-in export, on another core, while a large export
/// is read. A process's first call of the JSON reader, the rules and a report's renderer loads
/// types, runs static constructors and compiles the framework's generic code ReadyToRun cannot
/// precompile, about 10 ms of the main thread's time on a report of 10,000 resources; done here,
/// beside the file's read, that work is found done when the real parse and rules reach it.
/// </summary>
public static class ReportPriming
{
    /// <summary>From this input size on a report is primed: below it, the second thread costs more than it saves.</summary>
    public const long WorthFrom = 1 << 20;

    // One resource of each kind most rules look at: a workload with a container, a vault secret,
    // an identity with tags, a ConfigMap (no secret in it, no finding about it matters).
    private const string Export = """
        {"version":3,"deployment":{"resources":[
        {"urn":"urn:pulumi:prod::kora-infra::kubernetes:apps/v1:Deployment::primer","type":"kubernetes:apps/v1:Deployment","inputs":{"metadata":{"name":"primer"},"spec":{"template":{"spec":{"containers":[{"name":"app","image":"registry.invalid/primer:1","securityContext":{"runAsNonRoot":true},"resources":{"limits":{"cpu":"1","memory":"1Gi"}},"env":[{"name":"MODE","value":"queue"}]}]}}}},"outputs":{},"provider":"urn:pulumi:prod::kora-infra::pulumi:providers:kubernetes::k8s-prod::id"},
        {"urn":"urn:pulumi:prod::kora-infra::azure-native:keyvault:Secret::primer","type":"azure-native:keyvault:Secret","inputs":{"secretName":"primer","properties":{"attributes":{"expires":1798761600}}},"outputs":{}},
        {"urn":"urn:pulumi:prod::kora-infra::azure-native:managedidentity:UserAssignedIdentity::primer","type":"azure-native:managedidentity:UserAssignedIdentity","inputs":{"resourceName":"primer","tags":{"environment":"prod","owner":"devops"}},"outputs":{}},
        {"urn":"urn:pulumi:prod::kora-infra::kubernetes:core/v1:ConfigMap::primer","type":"kubernetes:core/v1:ConfigMap","inputs":{"data":{"LOG_LEVEL":"info"}},"outputs":{}}
        ]}}
        """;

    /// <summary>
    /// Starts priming when the input is large enough and a second core is there to do it; the
    /// caller goes on at once and never waits for it.
    /// </summary>
    /// <param name="inputBytes">The size of the export about to be read.</param>
    /// <param name="format">The report format that will be rendered.</param>
    public static Task Start(long inputBytes, ReportFormat format) =>
        inputBytes >= WorthFrom && Environment.ProcessorCount > 1 ? Task.Run(() => Prime(format)) : Task.CompletedTask;

    /// <summary>Reads, judges and renders the built-in export; its evaluation, for the tests.</summary>
    internal static PolicyEvaluation Prime(ReportFormat format)
    {
        var (snapshot, _) = SnapshotReader.Read(Encoding.UTF8.GetBytes(Export), "primer.json");
        var evaluation = PolicyEngine.Evaluate(snapshot, DateTimeOffset.UnixEpoch);
        PolicyReports.Render(evaluation, format, "Pulumi.prod.yaml");
        return evaluation;
    }
}
