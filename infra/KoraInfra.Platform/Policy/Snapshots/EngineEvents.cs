using System.Text.Json;

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
        var states = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var order = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            JsonElement ev;
            try
            {
                // Each line is its own document, owning its memory: the states kept point into it.
                ev = JsonElement.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new PolicyInputException($"{origin}:{i + 1}: an engine event that is not valid JSON ({ex.Message.Split('.')[0]}); expected one JSON event per line", ex);
            }

            if (ev.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyInputException($"{origin}:{i + 1}: an engine event that is not a JSON object");
            }

            foreach (var kind in new[] { "resourcePreEvent", "resOutputsEvent" })
            {
                if (Json.ObjectAt(Json.ObjectAt(ev, kind), "metadata") is { } metadata
                    && Json.TextOf(Json.Get(metadata, "op")) is not ("delete" or "discard" or "read-discard")
                    && Json.ObjectAt(metadata, "new") is { } state
                    && Json.TextOf(Json.Get(state, "urn")) is { } urn)
                {
                    if (!states.ContainsKey(urn))
                    {
                        order.Add(urn);
                    }

                    states[urn] = state;
                }
            }

            if (Json.ObjectAt(ev, "policyEvent") is { } policy)
            {
                findings.Add(new EngineFinding(
                    Json.TextOf(Json.Get(policy, "resourceUrn")) ?? string.Empty,
                    Json.TextOf(Json.Get(policy, "policyName")) ?? string.Empty,
                    Json.TextOf(Json.Get(policy, "policyPackName")) ?? string.Empty,
                    Json.TextOf(Json.Get(policy, "enforcementLevel")) ?? string.Empty,
                    Json.TextOf(Json.Get(policy, "message")) ?? string.Empty,
                    Json.TextOf(Json.Get(policy, "severity"))));
            }
        }

        var resources = new List<ResourceSnapshot>(order.Count);
        foreach (var urn in order)
        {
            resources.Add(ResourceStates.BuildOne(states[urn], resources.Count, origin, "events[].metadata.new"));
        }

        return resources;
    }
}
