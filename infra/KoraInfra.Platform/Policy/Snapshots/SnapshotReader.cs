using System.Text.Json;
using System.Text.Json.Nodes;
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
            SnapshotFormat.StackExport => FromStates((root!["deployment"] as JsonObject)?["resources"] as JsonArray, origin, "deployment.resources"),
            SnapshotFormat.PreviewJson => FromStates(new JsonArray((root!["steps"] as JsonArray ?? []).Select(s => (s as JsonObject)?["newState"]?.DeepClone()).Where(s => s is not null).ToArray()), origin, "steps[].newState"),
            SnapshotFormat.EngineEvents => EngineEvents.Read(text, origin, findings),
            SnapshotFormat.EvaluationRequest => FromStates(root!["resources"] as JsonArray, origin, "resources"),
            _ => throw new PolicyInputException($"{origin}: unsupported format {format}"),
        };

        var stack = stackName ?? Json.TextOf(root?["stack"]) ?? StackOf(resources) ?? throw new PolicyInputException(
            $"{origin}: the stack cannot be told (no resource URN names it); pass --stack dev|staging|prod");
        return (new StackSnapshot(stack, resources, findings), format);
    }

    /// <summary>
    /// Builds resources from Pulumi resource states (<c>apitype.ResourceV3</c>-shaped objects). The
    /// states' inputs and outputs move into the resources: pass states this reader may consume.
    /// </summary>
    internal static List<ResourceSnapshot> FromStates(JsonArray? states, string origin, string where)
    {
        if (states is null)
        {
            throw new PolicyInputException($"{origin}: no '{where}' list; the file is not in the format its shape suggests");
        }

        var resources = new List<ResourceSnapshot>();
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i] is not JsonObject state || Json.TextOf(state["type"]) is not { } type || Json.TextOf(state["urn"]) is not { } urn)
            {
                throw new PolicyInputException($"{origin}: {where}[{i}] has no 'type' and 'urn'; expected a Pulumi resource state");
            }

            resources.Add(new ResourceSnapshot(
                type,
                urn,
                Take(state, "inputs") ?? Take(state, "props") ?? [],
                Take(state, "outputs") ?? [],
                Json.TextOf(state["parent"]),
                Json.TextOf(state["provider"])));
        }

        return resources;
    }

    /// <summary>
    /// Moves an object out of a state the reader owns instead of copying it: a large export's
    /// inputs and outputs are read once, not copied once more per resource.
    /// </summary>
    private static JsonObject? Take(JsonObject state, string key)
    {
        if (state[key] is not JsonObject value)
        {
            return null;
        }

        state.Remove(key);
        return value;
    }

    private static (JsonNode? Root, SnapshotFormat Format) Detect(string text, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
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
            JsonObject obj when obj.ContainsKey("deployment") => (root, SnapshotFormat.StackExport),
            JsonObject obj when obj.ContainsKey("steps") || obj.ContainsKey("changeSummary") => (root, SnapshotFormat.PreviewJson),
            JsonObject obj when obj.ContainsKey("resources") => (root, SnapshotFormat.EvaluationRequest),
            JsonObject obj when obj.ContainsKey("sequence") => (root, SnapshotFormat.EngineEvents),
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
