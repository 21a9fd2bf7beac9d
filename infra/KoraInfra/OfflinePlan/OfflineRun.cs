using System.Collections.Concurrent;
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
    private OfflineRun(string stack, ImmutableArray<Resource> resources, IReadOnlyList<PlannedResource> planned)
    {
        StackName = stack;
        Resources = resources;
        Planned = planned;
        Registered = planned.Select(r => (r.Recorded, r.Urn)).ToList();
    }

    /// <summary>The stack.</summary>
    public string StackName { get; }

    /// <summary>The SDK's view: every resource object, the stack included.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The mock monitor's view, with each resource's URN.</summary>
    public IReadOnlyList<(RecordedResource Resource, string Urn)> Registered { get; }

    /// <summary>The mock monitor's view: type, name, inputs and provider of every registered resource.</summary>
    public IReadOnlyList<RecordedResource> Recorded => Registered.Select(r => r.Resource).ToList();

    /// <summary>Every registered resource with its URN, parent, SDK object and inputs as passed (known and secret flags).</summary>
    public IReadOnlyList<PlannedResource> Planned { get; }

    /// <summary>The stack object.</summary>
    public KoraStack Stack => Resources.OfType<KoraStack>().Single();

    /// <summary>Runs the program with the given engine configuration (a stack's settings, as the engine passes them).</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="configuration">The stack's settings as the engine passes them.</param>
    /// <param name="rootDirectory">The project directory (relative settings such as the release manifest path resolve against it).</param>
    /// <param name="mocks">The mocks to record into; pass your own to see what was registered when the program refuses.</param>
    /// <exception cref="IncompleteRunException">A resource has no id, or an input or output stayed unknown.</exception>
    public static Task<OfflineRun> RunAsync(string stack, EngineConfiguration configuration, string rootDirectory, PlanMocks? mocks = null)
    {
        mocks ??= new PlanMocks();
        return RunAsync(stack, configuration, rootDirectory, mocks, mocks);
    }

    /// <summary>Runs the program with <paramref name="engine"/> answering the SDK and <paramref name="recorder"/> holding what was registered.</summary>
    /// <remarks>The seam the harness's own tests use to hand the SDK a deliberately broken mock.</remarks>
    internal static async Task<OfflineRun> RunAsync(string stack, EngineConfiguration configuration, string rootDirectory, PlanMocks recorder, IMocks engine)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The SDK reads these when each deployment starts, exactly as in a real `pulumi up`.
        Environment.SetEnvironmentVariable(PulumiConfigReader.ConfigVariable, configuration.ConfigJson);
        Environment.SetEnvironmentVariable(PulumiConfigReader.SecretKeysVariable, configuration.SecretKeysJson);

        // The mock monitor builds every URN from the root type only (pulumi:pulumi:Stack$type), so
        // the parent chain is recorded here, through a stack transformation every resource inherits.
        // The arguments are kept too: the mock monitor sees inputs with secrets unwrapped and
        // unknowns dropped, the arguments still say which was which.
        var parents = new ConcurrentDictionary<Resource, Resource?>(ReferenceEqualityComparer.Instance);
        var arguments = new ConcurrentDictionary<Resource, ResourceArgs>(ReferenceEqualityComparer.Instance);
        var options = new StackOptions
        {
            ResourceTransformations =
            {
                args =>
                {
                    parents[args.Resource] = args.Options.Parent;
                    arguments[args.Resource] = args.Args;
                    return null;
                },
            },
        };
        var resources = await Pulumi.Deployment.TestWithServiceProviderAsync<KoraStack>(engine, new StackFactory(options), new TestOptions
        {
            ProjectName = StackSettingsBinder.Namespace,
            StackName = stack,

            // Where relative settings resolve, as PULUMI_ROOT_DIRECTORY in a real run.
            RootDirectory = rootDirectory,

            // Outputs must be known, or Apply callbacks (and invokes such as the kubeconfig) never run.
            IsPreview = false,
        }).ConfigureAwait(false);

        // The engine's URN: the parent's qualified type, '$', the type (children of the stack have
        // no prefix). Provider references carry the mock URN, so they are rewritten to match.
        var root = resources.OfType<KoraStack>().Single();
        var qualified = new Dictionary<Resource, string>(ReferenceEqualityComparer.Instance);
        string QualifiedType(Resource resource)
        {
            if (qualified.TryGetValue(resource, out var known))
            {
                return known;
            }

            var parent = ReferenceEquals(resource, root) ? null : parents.GetValueOrDefault(resource) ?? root;
            var type = parent is null || ReferenceEquals(parent, root)
                ? resource.GetResourceType()
                : $"{QualifiedType(parent)}${resource.GetResourceType()}";
            qualified[resource] = type;
            return type;
        }

        var urns = new Dictionary<(string, string), Queue<(string Urn, string? ParentUrn, Resource? Resource)>>();
        var mockUrns = new Dictionary<string, string>(StringComparer.Ordinal);
        string UrnOf(Resource resource) => $"urn:pulumi:{stack}::{StackSettingsBinder.Namespace}::{QualifiedType(resource)}::{resource.GetResourceName()}";
        foreach (var resource in resources)
        {
            var urn = UrnOf(resource);
            var parent = ReferenceEquals(resource, root) ? null : parents.GetValueOrDefault(resource) ?? root;
            mockUrns[await OutputUtilities.GetValueAsync(resource.Urn).ConfigureAwait(false)] = urn;
            var key = (resource.GetResourceType(), resource.GetResourceName());
            if (!urns.TryGetValue(key, out var queue))
            {
                urns[key] = queue = new Queue<(string, string?, Resource?)>();
            }

            queue.Enqueue((urn, parent is null ? null : UrnOf(parent), resource));
        }

        var planned = new List<PlannedResource>();
        foreach (var r in recorder.Resources)
        {
            var (urn, parentUrn, resource) = urns.TryGetValue((r.Type, r.Name), out var queue) && queue.Count > 0
                ? queue.Dequeue()
                : ($"urn:pulumi:{stack}::{StackSettingsBinder.Namespace}::{r.Type}::{r.Name}", null, null);
            IReadOnlyList<RecordedInput> inputs = resource is not null && arguments.TryGetValue(resource, out var resourceArgs)
                ? await InputWalker.WalkAsync(resourceArgs).ConfigureAwait(false)
                : [];
            var id = resource is CustomResource custom ? await OutputUtilities.GetValueAsync(custom.Id).ConfigureAwait(false) : null;
            planned.Add(new PlannedResource(r with { Provider = RewriteProvider(r.Provider, mockUrns) }, urn, parentUrn, resource, inputs, id));
        }

        // Under mocks an unknown value is not an error, only a silent loss: the mock monitor drops
        // it (and its enclosing object), and invokes that depend on it never run. A plan or a
        // test over such a run would judge resources with properties missing, so it stops here.
        var unresolved = await UnresolvedValues.FindAsync(resources, planned).ConfigureAwait(false);
        if (unresolved.Count > 0)
        {
            throw new IncompleteRunException(unresolved);
        }

        return new OfflineRun(stack, resources, planned);
    }

    /// <summary>The resources as the policy rules see them.</summary>
    public StackSnapshot Snapshot() => new(
        StackName,
        Planned.Select(r => new ResourceSnapshot(r.Recorded.Type, r.Urn, ToJson(r.Recorded.Inputs), [], r.ParentUrn, r.Recorded.Provider)).ToList(),
        []);

    /// <summary>The resources as a <c>pulumi stack export</c> file, which <c>kora policy report</c> reads.</summary>
    public string ExportJson()
    {
        var resources = new JsonArray(Planned.Select(r => (JsonNode)new JsonObject
        {
            ["urn"] = r.Urn,
            ["custom"] = !r.Recorded.Type.StartsWith("kora:", StringComparison.Ordinal),
            ["id"] = r.Id,
            ["type"] = r.Recorded.Type,
            ["inputs"] = ToJson(r.Recorded.Inputs),
            ["outputs"] = new JsonObject(),
            ["parent"] = r.ParentUrn,
            ["provider"] = r.Recorded.Provider,
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
        ImmutableArray<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    // A provider reference is "<provider URN>::<id>"; the URN part is the mock monitor's.
    private static string? RewriteProvider(string? reference, IReadOnlyDictionary<string, string> mockUrns)
    {
        if (reference is null)
        {
            return null;
        }

        var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
        return separator > 0 && mockUrns.TryGetValue(reference[..separator], out var urn) ? urn + reference[separator..] : reference;
    }

    // Builds the stack with the given options, as TestWithServiceProviderAsync asks for it.
    private sealed class StackFactory(StackOptions options) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(KoraStack) ? new KoraStack(options) : null;
    }
}
