using System.Text.Json.Nodes;
using KoraInfra.Platform.Release.Audit;

namespace KoraInfra.Platform.Response;

/// <summary>The action log's chain: the platform's <see cref="HashChain"/>, the same as the deploy audit log's.</summary>
public static class ActionLogChain
{
    /// <summary>Seals a draft as the entry after <paramref name="previous"/> (null: the first entry).</summary>
    public static ActionLogEntry Append(ActionLogEntry? previous, ActionLogEntry draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entry = draft with
        {
            Sequence = (previous?.Sequence ?? 0) + 1,
            Previous = previous?.Hash ?? HashChain.Genesis,
            Hash = string.Empty,
        };
        return entry with { Hash = HashChain.Seal(entry).Hash };
    }

    /// <summary>Every break in the chain, naming the entry and what it means; empty when intact.</summary>
    public static IReadOnlyList<string> Verify(IReadOnlyList<ActionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<string>();
        var previous = HashChain.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var line = JsonNode.Parse(HashChain.Seal(entry with { Hash = string.Empty }).Line)!.AsObject();
            line.Remove("hash");
            if (HashChain.HashOf(line) != entry.Hash)
            {
                problems.Add($"entry {entry.Sequence}: its content does not match its hash: the entry was edited");
            }

            if (entry.Sequence != i + 1)
            {
                problems.Add($"position {i + 1} holds entry {entry.Sequence}: entries were deleted or reordered");
            }

            if (entry.Previous != previous)
            {
                problems.Add($"entry {entry.Sequence}: does not follow the entry before it: an entry was deleted, reordered or rewritten");
            }

            previous = entry.Hash;
        }

        return problems;
    }
}
