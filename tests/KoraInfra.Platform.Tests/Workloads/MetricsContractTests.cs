using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class MetricsContractTests
{
    public static TheoryData<string> Stacks => WorkloadStacks.All;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Monitorings_service_monitor_finds_every_n8n_service_where_n8n_runs(string stack)
    {
        var settings = WorkloadStacks.Settings(stack);
        var workloadNamespace = FoundationPlan.For(settings).Kubernetes.WorkloadNamespace;
        var n8n = WorkloadsPlan.For(settings, workloadNamespace).N8n;
        var target = ScrapeTarget.N8n;

        Assert.Equal(workloadNamespace, target.Namespace);
        Assert.Equal(N8nProcessPlan.PortName, target.Port);
        Assert.Equal("/metrics", target.Path);
        foreach (var process in n8n.Processes)
        {
            Assert.All(target.Selector, label => Assert.Equal(label.Value, process.Labels.GetValueOrDefault(label.Key)));
            Assert.Equal("true", WorkloadStacks.Variables(process)["N8N_METRICS"].Value);
        }
    }
}
