using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Tests.Support;

/// <summary>One run of the program for a stack, under the offline plan's mocks, with that stack's committed settings.</summary>
internal sealed class StackRun
{
    private readonly OfflineRun _run;

    private StackRun(OfflineRun run) => _run = run;

    public string StackName => _run.StackName;

    /// <summary>The mock monitor's view: type, name, inputs, provider of every registered resource.</summary>
    public IReadOnlyList<RecordedResource> Recorded => _run.Recorded;

    public KoraStack Stack => _run.Stack;

    /// <summary>The SDK's view: every resource object (components included), the stack too.</summary>
    public System.Collections.Immutable.ImmutableArray<Pulumi.Resource> Resources => _run.Resources;

    public IEnumerable<RecordedResource> OfType(string type) => Recorded.Where(r => r.Type == type);

    /// <summary>The resources as the policy rules see them.</summary>
    public StackSnapshot Snapshot() => _run.Snapshot();

    /// <summary>Runs the program for a stack; <paramref name="change"/> bends its settings for a what-if.</summary>
    public static async Task<StackRun> RunAsync(string stack, Func<EngineConfiguration, EngineConfiguration>? change = null)
    {
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile(stack)));
        config = change?.Invoke(config) ?? config;
        return new StackRun(await OfflineRun.RunAsync(stack, config));
    }
}
