using System.Text.Json;
using KoraInfra.Platform.Input;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>
/// Reads a stack's resources from any of Pulumi's machine-readable outputs, telling the format
/// from the content, so the reviewer can hand kora whatever the pipeline kept.
/// </summary>
public static class SnapshotReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="origin">The file name, for messages.</param>
    /// <param name="stackName">The stack, when known; otherwise taken from the resources' URNs.</param>
    public static (StackSnapshot Snapshot, SnapshotFormat Format) Read(string text, string origin, string? stackName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PolicyInputException($"{origin}: the file is empty; expected a 'pulumi stack export', 'pulumi preview --json' or engine-events file");
        }

        try
        {
            BoundedJson.Check(text, origin, InputLimits.Snapshot);
        }
        catch (InputRefusedException ex)
        {
            throw new PolicyInputException(ex.Message, ex);
        }

        var (root, format) = Detect(text, origin);
        var findings = new List<EngineFinding>();
        var resources = format switch
        {
            SnapshotFormat.StackExport => FromStates(Json.ArrayAt(Json.ObjectAt(root, "deployment"), "resources"), origin, "deployment.resources"),
            SnapshotFormat.PreviewJson => FromSteps(Json.ArrayAt(root, "steps"), origin),
            SnapshotFormat.EngineEvents => EngineEvents.Read(text, origin, findings),
            SnapshotFormat.EvaluationRequest => FromStates(Json.ArrayAt(root, "resources"), origin, "resources"),
            _ => throw new PolicyInputException($"{origin}: unsupported format {format}"),
        };

        var stack = stackName ?? Json.TextOf(Json.Get(root, "stack")) ?? StackOf(resources) ?? throw new PolicyInputException(
            $"{origin}: the stack cannot be told (no resource URN names it); pass --stack dev|staging|prod");
        return (new StackSnapshot(stack, resources, findings), format);
    }

    /// <summary>
    /// Builds resources from a list of Pulumi resource states (<c>apitype.ResourceV3</c>-shaped
    /// objects). The resources hold the states' own elements: the document stays alive with them.
    /// </summary>
    internal static List<ResourceSnapshot> FromStates(JsonElement? states, string origin, string where)
    {
        if (states is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new PolicyInputException($"{origin}: no '{where}' list; the file is not in the format its shape suggests");
        }

        var resources = new List<ResourceSnapshot>(list.GetArrayLength());
        foreach (var state in list.EnumerateArray())
        {
            resources.Add(FromState(state, resources.Count, origin, where));
        }

        return resources;
    }

    /// <summary>Builds the resource of one Pulumi resource state, the <paramref name="index"/>-th of <paramref name="where"/>.</summary>
    internal static ResourceSnapshot FromState(JsonElement state, int index, string origin, string where)
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

    // A preview's steps: each step's new state, where it has one (a delete has none).
    private static List<ResourceSnapshot> FromSteps(JsonElement? steps, string origin)
    {
        var resources = new List<ResourceSnapshot>();
        if (steps is not { } list)
        {
            return resources;
        }

        foreach (var step in list.EnumerateArray())
        {
            if (Json.Get(step, "newState") is { } state)
            {
                resources.Add(FromState(state, resources.Count, origin, "steps[].newState"));
            }
        }

        return resources;
    }

    // The document is parsed once into elements that own their memory (not a pooled
    // JsonDocument): the resources point into it for as long as anyone holds them.
    private static (JsonElement? Root, SnapshotFormat Format) Detect(string text, string origin)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException) when (LooksLikeEventLines(text))
        {
            return (null, SnapshotFormat.EngineEvents);
        }
        catch (JsonException ex)
        {
            throw new PolicyInputException($"{origin}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split('.')[0]}); expected a 'pulumi stack export', 'pulumi preview --json' or engine-events file", ex);
        }

        return root switch
        {
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("deployment", out _) => (root, SnapshotFormat.StackExport),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("steps", out _) || root.TryGetProperty("changeSummary", out _) => (root, SnapshotFormat.PreviewJson),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("resources", out _) => (root, SnapshotFormat.EvaluationRequest),
            { ValueKind: JsonValueKind.Object } when root.TryGetProperty("sequence", out _) => (root, SnapshotFormat.EngineEvents),
            _ => throw new PolicyInputException($"{origin}: a JSON document with none of 'deployment' (stack export), 'steps' (preview), 'resources' (evaluation request) or engine events"),
        };
    }

    private static bool LooksLikeEventLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } first
        && first.StartsWith('{') && first.Contains("\"sequence\"", StringComparison.Ordinal);

    private static string? StackOf(IEnumerable<ResourceSnapshot> resources) =>
        resources.Select(r => r.Urn.Split("::", 2)[0])
            .Where(prefix => prefix.StartsWith("urn:pulumi:", StringComparison.Ordinal))
            .Select(prefix => prefix["urn:pulumi:".Length..])
            .Select(stack => stack.Contains('/', StringComparison.Ordinal) ? stack[(stack.LastIndexOf('/') + 1)..] : stack)
            .FirstOrDefault();
}
