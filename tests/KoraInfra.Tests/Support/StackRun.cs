using System.Collections.Immutable;
using KoraInfra.Platform.Release.Signing;
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

        // The SDK reads these when each deployment starts, exactly as in a real `pulumi up`.
        Environment.SetEnvironmentVariable(PulumiConfigReader.ConfigVariable, config.ConfigJson);
        Environment.SetEnvironmentVariable(PulumiConfigReader.SecretKeysVariable, config.SecretKeysJson);
        Environment.SetEnvironmentVariable(ReleaseSigningKey.VerificationKeyVariable, release.VerifyKeyPem);

        var mocks = new KoraMocks();
        try
        {
            var resources = await Pulumi.Deployment.TestAsync<KoraStack>(mocks, new TestOptions
            {
                ProjectName = StackSettingsBinder.Namespace,
                StackName = stack,

                // Where the release setting's relative path is resolved, as PULUMI_ROOT_DIRECTORY in a real run.
                RootDirectory = release.RootDirectory,

                // Outputs must be known, or Apply callbacks (and the kubeconfig invoke) never run.
                IsPreview = false,
            });
            return (null, new StackRun(stack, resources, mocks.Resources), mocks.Resources);
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
