using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Settings;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// One run of the program for a stack under <see cref="PlanMocks"/>: no cloud credentials, no
/// Pulumi CLI. The offline plan and the mock tests both use it, so what a reviewer sees is what
/// the tests check.
/// </summary>
public sealed class OfflineRun
{
    private OfflineRun(string stack, ImmutableArray<Resource> resources, IReadOnlyList<(RecordedResource Resource, string Urn)> recorded)
    {
        StackName = stack;
        Resources = resources;
        Registered = recorded;
    }

    /// <summary>The stack.</summary>
    public string StackName { get; }

    /// <summary>The SDK's view: every resource object, the stack included.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The mock monitor's view, with each resource's URN.</summary>
    public IReadOnlyList<(RecordedResource Resource, string Urn)> Registered { get; }

    /// <summary>The mock monitor's view: type, name, inputs and provider of every registered resource.</summary>
    public IReadOnlyList<RecordedResource> Recorded => Registered.Select(r => r.Resource).ToList();

    /// <summary>The stack object.</summary>
    public KoraStack Stack => Resources.OfType<KoraStack>().Single();

    /// <summary>Runs the program with the given engine configuration (a stack's settings, as the engine passes them).</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="configuration">The stack's settings as the engine passes them.</param>
    /// <param name="rootDirectory">The project directory (relative settings such as the release manifest path resolve against it).</param>
    /// <param name="mocks">The mocks to record into; pass your own to see what was registered when the program refuses.</param>
    public static async Task<OfflineRun> RunAsync(string stack, EngineConfiguration configuration, string rootDirectory, PlanMocks? mocks = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The SDK reads these when each deployment starts, exactly as in a real `pulumi up`.
        Environment.SetEnvironmentVariable(PulumiConfigReader.ConfigVariable, configuration.ConfigJson);
        Environment.SetEnvironmentVariable(PulumiConfigReader.SecretKeysVariable, configuration.SecretKeysJson);

        mocks ??= new PlanMocks();
        var resources = await Pulumi.Deployment.TestAsync<KoraStack>(mocks, new TestOptions
        {
            ProjectName = StackSettingsBinder.Namespace,
            StackName = stack,

            // Where relative settings resolve, as PULUMI_ROOT_DIRECTORY in a real run.
            RootDirectory = rootDirectory,

            // Outputs must be known, or Apply callbacks (and invokes such as the kubeconfig) never run.
            IsPreview = false,
        }).ConfigureAwait(false);

        // The mocks see no URN; the SDK's resources know theirs (with the parent type chain).
        var urns = new Dictionary<(string, string), Queue<string>>();
        foreach (var resource in resources)
        {
            var key = (resource.GetResourceType(), resource.GetResourceName());
            if (!urns.TryGetValue(key, out var queue))
            {
                urns[key] = queue = new Queue<string>();
            }

            queue.Enqueue(await OutputUtilities.GetValueAsync(resource.Urn).ConfigureAwait(false));
        }

        var recorded = mocks.Resources
            .Select(r => (r, urns.TryGetValue((r.Type, r.Name), out var queue) && queue.Count > 0
                ? queue.Dequeue()
                : $"urn:pulumi:{stack}::{StackSettingsBinder.Namespace}::{r.Type}::{r.Name}"))
            .ToList();
        return new OfflineRun(stack, resources, recorded);
    }

    /// <summary>The resources as the policy rules see them.</summary>
    public StackSnapshot Snapshot() => new(
        StackName,
        Registered.Select(r => new ResourceSnapshot(r.Resource.Type, r.Urn, ToJson(r.Resource.Inputs), [], null, r.Resource.Provider)).ToList(),
        []);

    /// <summary>The resources as a <c>pulumi stack export</c> file, which <c>kora policy report</c> reads.</summary>
    public string ExportJson()
    {
        var resources = new JsonArray(Registered.Select(r => (JsonNode)new JsonObject
        {
            ["urn"] = r.Urn,
            ["custom"] = !r.Resource.Type.StartsWith("kora:", StringComparison.Ordinal),
            ["type"] = r.Resource.Type,
            ["inputs"] = ToJson(r.Resource.Inputs),
            ["outputs"] = new JsonObject(),
            ["provider"] = r.Resource.Provider,
        }).ToArray());
        return new JsonObject
        {
            ["version"] = 3,
            ["deployment"] = new JsonObject
            {
                ["manifest"] = new JsonObject { ["magic"] = "kora-offline-plan", ["version"] = "offline" },
                ["resources"] = resources,
            },
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject ToJson(ImmutableDictionary<string, object> inputs) =>
        new(inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => KeyValuePair.Create(i.Key, ToJson(i.Value))));

    // The mock monitor hands inputs as strings, booleans, doubles, immutable maps and arrays.
    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        ImmutableDictionary<string, object?> map => new JsonObject(map.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => KeyValuePair.Create(i.Key, ToJson(i.Value)))),
        ImmutableDictionary<string, object> map => ToJson(map),
        ImmutableArray<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        ImmutableArray<object> list => new JsonArray(list.Select(v => ToJson(v)).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
