using System.Collections.Immutable;
using Pulumi;

namespace KoraInfra.OfflinePlan;

/// <summary>
/// Finds what stayed unknown after a non-preview run: in such a run every id, input and output
/// resolves unless something upstream of it never did, so each one found is a defect of the
/// program or of its mocks, never of the stack's settings.
/// </summary>
public static class UnresolvedValues
{
    /// <summary>Every custom resource's unknown id, every unknown input, every unknown output property of any resource.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(ImmutableArray<Resource> resources, IReadOnlyList<PlannedResource> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var problems = new List<string>();
        foreach (var resource in resources)
        {
            var label = $"{resource.GetResourceType()} '{resource.GetResourceName()}'";
            if (resource is CustomResource custom && !await Known(custom.Id).ConfigureAwait(false))
            {
                problems.Add($"{label}: the id is unknown");
            }

            // The program's own outputs (the stack's, each component's) and the SDK's outputs of
            // each custom resource: whatever the program could read.
            foreach (var (name, output) in ResourceOutputs.Of(resource))
            {
                if (name != nameof(CustomResource.Id) && await ResolvedValue.ResolveAsync(output).ConfigureAwait(false) is { IsKnown: false })
                {
                    problems.Add($"{label}: output '{name}' is unknown");
                }
            }
        }

        foreach (var resource in planned)
        {
            foreach (var input in resource.Inputs.Where(i => !i.IsKnown))
            {
                problems.Add($"{resource.Recorded.Type} '{resource.Recorded.Name}': input '{input.Path}' is unknown");
            }
        }

        return problems;
    }

    private static async Task<bool> Known(Output<string> output) =>
        await ResolvedValue.ResolveAsync(output).ConfigureAwait(false) is not { IsKnown: false };
}
