using System.Collections;
using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;
using Pulumi;

namespace KoraInfra.Tests.WholeStack;

/// <summary>
/// Rules every resource of every stack keeps, whichever capability declares it: each test walks
/// every recorded resource, so a resource added tomorrow is held to them without a test of its own.
/// Staging and prod run with a promoted release, as the pipeline deploys them.
/// </summary>
public sealed class WholeStackInvariantsTests
{
    // Below this length a value is too common (a flag, a port, a short name) to trace as a secret.
    private const int TraceableLength = 12;

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_azure_resource_hangs_under_a_component_and_carries_the_stacks_tags_where_azure_takes_tags(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var azure = run.Planned.Where(p => p.Recorded.Type.StartsWith("azure-native:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(azure);
        var problems = new List<string>();
        foreach (var resource in azure)
        {
            var label = $"{resource.Recorded.Type} '{resource.Recorded.Name}'";
            if (ParentType(resource) is not { } parent || !parent.StartsWith("kora:", StringComparison.Ordinal))
            {
                problems.Add($"{label} hangs under {ParentType(resource) ?? "nothing"}, not under a KoraInfra component");
            }

            // The SDK's class says whether Azure takes tags on the type (a Tags output), so no list
            // of exceptions can go stale.
            Assert.NotNull(resource.Resource);
            if (resource.Resource.GetType().GetProperty("Tags") is null)
            {
                continue;
            }

            var tags = resource.Recorded.Map("tags");
            foreach (var required in ResourceTags.Required.Append("managed-by"))
            {
                if (!tags.ContainsKey(required))
                {
                    problems.Add($"{label} lacks the '{required}' tag");
                }
            }

            if (!Equals(tags.GetValueOrDefault("environment"), stack))
            {
                problems.Add($"{label} is tagged environment '{tags.GetValueOrDefault("environment")}', not '{stack}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_kubernetes_resource_goes_through_the_explicit_provider_the_run_declared(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var provider in run.Planned.Where(p => p.Recorded.Type == "pulumi:providers:kubernetes"))
        {
            providers[provider.Urn] = await Pulumi.Utilities.OutputUtilities.GetValueAsync(((CustomResource)provider.Resource!).Id);
        }

        var kubernetes = run.Planned.Where(p => p.Recorded.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kubernetes);
        var problems = new List<string>();
        foreach (var resource in kubernetes)
        {
            var reference = resource.Recorded.Provider;
            var separator = reference?.LastIndexOf("::", StringComparison.Ordinal) ?? -1;
            if (separator <= 0 || !providers.TryGetValue(reference![..separator], out var id) || id != reference[(separator + 2)..] || string.IsNullOrEmpty(id))
            {
                problems.Add($"{resource.Recorded.Type} '{resource.Recorded.Name}' goes through '{reference ?? "the default provider"}', not the explicit Kubernetes provider");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_input_and_program_output_carrying_a_secret_value_is_marked_secret(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var programOutputs = new List<(string Label, ResolvedValue Value)>();
        foreach (var resource in run.Resources.Where(r => r is not CustomResource))
        {
            foreach (var (name, output) in ResourceOutputs.Of(resource))
            {
                programOutputs.Add(($"{resource.GetResourceType()} '{resource.GetResourceName()}' output '{name}'", (await ResolvedValue.ResolveAsync(output))!));
            }
        }

        // The secrets of this run, from the flags the program set: every input value and every
        // output of its own it marked secret, and every value the generators produced.
        var secrets = run.Planned.SelectMany(p => p.Inputs).Where(i => i.IsSecret).Select(i => i.Text)
            .Concat(programOutputs.Where(o => o.Value.IsSecret).SelectMany(o => Texts(o.Value.Value)))
            .Concat(run.GeneratedValues.Values)
            .OfType<string>()
            .Where(s => s.Length >= TraceableLength)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(secrets);

        // Custom resources' outputs are left out: under mocks they echo the inputs with secrets
        // unwrapped; the engine marks them secret from their inputs in a real run.
        var unmarked = run.Planned
            .SelectMany(p => p.Inputs.Where(i => !i.IsSecret && Carries(i.Text, secrets)).Select(i => $"{p.Recorded.Type} '{p.Recorded.Name}' input '{i.Path}'"))
            .Concat(programOutputs.Where(o => !o.Value.IsSecret && Texts(o.Value.Value).Any(t => Carries(t, secrets))).Select(o => o.Label))
            .ToList();
        Assert.True(unmarked.Count == 0, "carry a secret value unmarked:" + Environment.NewLine + string.Join(Environment.NewLine, unmarked));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_secret_trace_sees_the_secrets_the_program_hands_around(string stack)
    {
        // The trace above proves nothing if the flags never reach it: the vault's values, the
        // database password and the n8n Secret's data must be seen as secret inputs.
        var run = await StackRun.RunAsync(stack);

        var secretInputs = run.Planned.SelectMany(p => p.Inputs.Where(i => i.IsSecret).Select(i => (p.Recorded.Type, p.Recorded.Name, i.Path))).ToList();
        Assert.Contains(secretInputs, i => i.Type == "azure-native:keyvault:Secret" && i.Path == "properties.value");
        Assert.Contains(secretInputs, i => i.Type == "azure-native:dbforpostgresql:Server" && i.Path == "administratorLoginPassword");
        Assert.Contains(secretInputs, i => i.Type == "kubernetes:core/v1:Secret" && i.Path.StartsWith("stringData.", StringComparison.Ordinal));
        Assert.DoesNotContain(secretInputs, i => i.Type == "azure-native:keyvault:Secret" && i.Path == "secretName");
    }

    private static string? ParentType(PlannedResource resource) => resource.ParentUrn?.Split("::")[^2].Split('$')[^1];

    private static bool Carries(string? text, HashSet<string> secrets) => text is not null && secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    private static IEnumerable<string> Texts(object? value) => value switch
    {
        string text => [text],
        IDictionary map => map.Values.Cast<object?>().SelectMany(Texts),
        IEnumerable items => items.Cast<object?>().SelectMany(Texts),
        _ => [],
    };
}
