using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Release.Signing;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Tests.Support;

/// <summary>One run of the program for a stack, under the offline plan's mocks, with that stack's committed settings.</summary>
internal sealed class StackRun
{
    private readonly OfflineRun _run;

    private StackRun(OfflineRun run, IReadOnlyDictionary<string, string> generated)
    {
        _run = run;
        GeneratedValues = generated;
    }

    public string StackName => _run.StackName;

    /// <summary>The mock monitor's view: type, name, inputs, provider of every registered resource.</summary>
    public IReadOnlyList<RecordedResource> Recorded => _run.Recorded;

    public KoraStack Stack => _run.Stack;

    /// <summary>The SDK's view: every resource object (components included), the stack too.</summary>
    public System.Collections.Immutable.ImmutableArray<Pulumi.Resource> Resources => _run.Resources;

    /// <summary>Every generated secret value of the run (made up by the mocks at run time).</summary>
    public IReadOnlyDictionary<string, string> GeneratedValues { get; }

    public IEnumerable<RecordedResource> OfType(string type) => Recorded.Where(r => r.Type == type);

    /// <summary>The one resource of <paramref name="type"/> with the logical name <paramref name="name"/>; fails the test otherwise.</summary>
    public RecordedResource Named(string type, string name) => Assert.Single(OfType(type), r => r.Name == name);

    /// <summary>The SDK's object of a component (or resource) class with the logical name <paramref name="name"/>.</summary>
    public T Component<T>(string name)
        where T : Pulumi.Resource => Assert.Single(Resources.OfType<T>(), r => r.GetResourceName() == name);

    /// <summary>
    /// The resources of a type declared (directly or further down) inside a component of
    /// <paramref name="componentType"/>: a selection that other capabilities' resources of the
    /// same type cannot disturb.
    /// </summary>
    public IEnumerable<RecordedResource> Under(string componentType, string type) => Under(componentType).Where(r => r.Type == type);

    /// <summary>Every resource declared (directly or further down) inside a component of <paramref name="componentType"/>.</summary>
    public IEnumerable<RecordedResource> Under(string componentType) => _run.Registered
        .Where(r => r.Urn.Split("::")[^2].Split('$').SkipLast(1).Contains(componentType, StringComparer.Ordinal))
        .Select(r => r.Resource);

    /// <summary>Every registered resource with its URN, parent, SDK object and inputs with their known and secret flags.</summary>
    public IReadOnlyList<PlannedResource> Planned => _run.Planned;

    /// <summary>The resources as the policy rules see them.</summary>
    public StackSnapshot Snapshot() => _run.Snapshot();

    /// <summary>Runs the program for a stack; <paramref name="change"/> bends its settings for a what-if.</summary>
    /// <remarks>Staging and prod get a valid signed release, as the pipeline provides one.</remarks>
    public static async Task<StackRun> RunAsync(string stack, Func<EngineConfiguration, EngineConfiguration>? change = null)
    {
        var (error, run, _) = await TryRunAsync(stack, TestRelease.For(stack), change);
        return run ?? throw error!;
    }

    /// <summary>Runs the program with the given release; returns the error (if any) and what was registered either way.</summary>
    public static async Task<(Exception? Error, StackRun? Run, IReadOnlyList<RecordedResource> Recorded)> TryRunAsync(
        string stack, TestRelease release, Func<EngineConfiguration, EngineConfiguration>? change = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile(stack)));
        if (release.ManifestPath is not null)
        {
            config = config.With("kora-infra:release", release.ManifestPath);
        }

        config = change?.Invoke(config) ?? config;
        Environment.SetEnvironmentVariable(ReleaseSigningKey.VerificationKeyVariable, release.VerifyKeyPem);
        var mocks = new PlanMocks();
        try
        {
            var run = await OfflineRun.RunAsync(stack, config, release.RootDirectory, mocks);
            return (null, new StackRun(run, mocks.GeneratedValues), mocks.Resources);
        }
#pragma warning disable CA1031 // The caller asserts on the failure; any exception the run raises is the result.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (ex, null, mocks.Resources);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ReleaseSigningKey.VerificationKeyVariable, null);
            if (release.RootDirectory != Repository.Root)
            {
                Directory.Delete(release.RootDirectory, recursive: true);
            }
        }
    }
}
