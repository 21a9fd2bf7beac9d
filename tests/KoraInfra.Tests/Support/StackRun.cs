using System.Collections.Immutable;
using KoraInfra.Platform.Settings;
using Pulumi;
using Pulumi.Testing;

namespace KoraInfra.Tests.Support;

/// <summary>One run of the program for a stack, under mocks, with that stack's committed settings.</summary>
internal sealed class StackRun
{
    private StackRun(string stack, ImmutableArray<Resource> resources, IReadOnlyList<RecordedResource> recorded)
    {
        StackName = stack;
        Resources = resources;
        Recorded = recorded;
    }

    public string StackName { get; }

    /// <summary>The SDK's view: every resource object, the stack included.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The mock monitor's view: type, name, inputs, provider of every registered resource.</summary>
    public IReadOnlyList<RecordedResource> Recorded { get; }

    public KoraStack Stack => Resources.OfType<KoraStack>().Single();

    public IEnumerable<RecordedResource> OfType(string type) => Recorded.Where(r => r.Type == type);

    /// <summary>Runs the program for a stack; <paramref name="change"/> bends its settings for a what-if.</summary>
    public static async Task<StackRun> RunAsync(string stack, Func<EngineConfiguration, EngineConfiguration>? change = null)
    {
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile(stack)));
        config = change?.Invoke(config) ?? config;

        // The SDK reads these when each deployment starts, exactly as in a real `pulumi up`.
        Environment.SetEnvironmentVariable(PulumiConfigReader.ConfigVariable, config.ConfigJson);
        Environment.SetEnvironmentVariable(PulumiConfigReader.SecretKeysVariable, config.SecretKeysJson);

        var mocks = new KoraMocks();
        var resources = await Pulumi.Deployment.TestAsync<KoraStack>(mocks, new TestOptions
        {
            ProjectName = StackSettingsBinder.Namespace,
            StackName = stack,

            // Outputs must be known, or Apply callbacks (and the kubeconfig invoke) never run.
            IsPreview = false,
        });
        return new StackRun(stack, resources, mocks.Resources);
    }
}
