using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>
/// Builds the resources the rules see from Pulumi resource states (<c>apitype.ResourceV3</c>-shaped
/// objects), whichever file they came in: a stack export, a preview's steps, the engine's events,
/// an evaluation request.
/// </summary>
internal static class ResourceStates
{
    /// <summary>
    /// Builds resources from a list of Pulumi resource states (<c>apitype.ResourceV3</c>-shaped
    /// objects). The resources hold the states' own elements: the document stays alive with them.
    /// </summary>
    internal static List<ResourceSnapshot> Build(JsonElement? states, string origin, string where)
    {
        if (states is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new PolicyInputException($"{origin}: no '{where}' list; the file is not in the format its shape suggests");
        }

        var resources = new ResourceSnapshot[list.GetArrayLength()];
        if (resources.Length < SideBySideFrom)
        {
            Fill(list, resources, 0, resources.Length, origin, where);
            return [.. resources];
        }

        // A large list is built in two halves side by side (JsonDocument is safe to read from
        // several threads). A broken state in the first half is the one reported, as when the
        // list is read in one go.
        var half = resources.Length / 2;
        var second = Task.Run(() => Fill(list, resources, half, resources.Length, origin, where));
        PolicyInputException? broken = null;
        try
        {
            Fill(list, resources, 0, half, origin, where);
        }
        catch (PolicyInputException ex)
        {
            broken = ex;
        }

        try
        {
            second.GetAwaiter().GetResult();
        }
        catch (PolicyInputException) when (broken is not null)
        {
            // The first half's error comes first.
        }

        if (broken is not null)
        {
            ExceptionDispatchInfo.Throw(broken);
        }

        return [.. resources];
    }

    // From this many states on, a list is built in two halves side by side (below it, starting a
    // thread costs more than it saves).
    private const int SideBySideFrom = 1000;

    // The resources of the states [from, to) of the list, into their places.
    private static void Fill(JsonElement list, ResourceSnapshot[] resources, int from, int to, string origin, string where)
    {
        // An array's items are reached by walking it (indexing one walks from the start).
        var states = list.EnumerateArray();
        for (var i = 0; i < from; i++)
        {
            states.MoveNext();
        }

        for (var i = from; i < to && states.MoveNext(); i++)
        {
            resources[i] = BuildOne(states.Current, i, origin, where);
        }
    }

    /// <summary>Builds the resource of one Pulumi resource state, the <paramref name="index"/>-th of <paramref name="where"/>.</summary>
    internal static ResourceSnapshot BuildOne(JsonElement state, int index, string origin, string where)
    {
        // One pass over the state's members rather than a look-up per member: a state has about
        // ten of them, and a large export has thousands of states.
        string? type = null, urn = null, parent = null, provider = null;
        JsonElement? inputs = null, props = null, outputs = null;
        if (state.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in state.EnumerateObject())
            {
                var value = member.Value;
                if (member.NameEquals("type"u8))
                {
                    type = Json.TextOf(value);
                }
                else if (member.NameEquals("urn"u8))
                {
                    urn = Json.TextOf(value);
                }
                else if (member.NameEquals("inputs"u8))
                {
                    inputs = ObjectOrNull(value);
                }
                else if (member.NameEquals("props"u8))
                {
                    props = ObjectOrNull(value);
                }
                else if (member.NameEquals("outputs"u8))
                {
                    outputs = ObjectOrNull(value);
                }
                else if (member.NameEquals("parent"u8))
                {
                    parent = Json.TextOf(value);
                }
                else if (member.NameEquals("provider"u8))
                {
                    provider = Json.TextOf(value);
                }
            }
        }

        if (type is null || urn is null)
        {
            throw new PolicyInputException($"{origin}: {where}[{index}] has no 'type' and 'urn'; expected a Pulumi resource state");
        }

        return new ResourceSnapshot(type, urn, inputs ?? props ?? ResourceSnapshot.EmptyObject, outputs ?? ResourceSnapshot.EmptyObject, parent, provider);
    }

    private static JsonElement? ObjectOrNull(JsonElement value) => value.ValueKind == JsonValueKind.Object ? value : null;
}
