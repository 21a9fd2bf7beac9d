using System.Text.Json;
using System.Text.Json.Nodes;

namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>
/// Reads streamed engine events (one JSON object per line): resources from
/// <c>resourcePreEvent</c>/<c>resOutputsEvent</c> metadata (the newest state of each URN wins),
/// and CrossGuard violations from <c>policyEvent</c>, which the plain preview JSON drops.
/// </summary>
internal static class EngineEvents
{
    public static List<ResourceSnapshot> Read(string text, string origin, List<EngineFinding> findings)
    {
        var states = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var order = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            JsonObject? ev;
            try
            {
                ev = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw new PolicyInputException($"{origin}:{i + 1}: an engine event that is not valid JSON ({ex.Message.Split('.')[0]}); expected one JSON event per line", ex);
            }

            if (ev is null)
            {
                throw new PolicyInputException($"{origin}:{i + 1}: an engine event that is not a JSON object");
            }

            foreach (var kind in new[] { "resourcePreEvent", "resOutputsEvent" })
            {
                // Indexing a JSON array or value by name throws: every step checks it has an object.
                if (ev[kind] is JsonObject payload && payload["metadata"] is JsonObject metadata
                    && Json.TextOf(metadata["op"]) is not ("delete" or "discard" or "read-discard")
                    && metadata["new"] is JsonObject state
                    && Json.TextOf(state["urn"]) is { } urn)
                {
                    if (!states.ContainsKey(urn))
                    {
                        order.Add(urn);
                    }

                    states[urn] = (JsonObject)state.DeepClone();
                }
            }

            if (ev["policyEvent"] is JsonObject policy)
            {
                findings.Add(new EngineFinding(
                    Json.TextOf(policy["resourceUrn"]) ?? string.Empty,
                    Json.TextOf(policy["policyName"]) ?? string.Empty,
                    Json.TextOf(policy["policyPackName"]) ?? string.Empty,
                    Json.TextOf(policy["enforcementLevel"]) ?? string.Empty,
                    Json.TextOf(policy["message"]) ?? string.Empty,
                    Json.TextOf(policy["severity"])));
            }
        }

        return SnapshotReader.FromStates(new JsonArray(order.Select(u => (JsonNode?)states[u]).ToArray()), origin, "events[].metadata.new");
    }
}
